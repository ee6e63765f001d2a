#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Discovery as a user meets it in real pwsh: Get-SnowballCluster and its pipeline into Get-SnowballClusterJob,
# and Tab (TabExpansion2, as PSReadLine calls it) on -ClusterId and -ThingGroupName against local endpoints in
# their own processes: one that answers, one that takes five seconds per request, and a port nobody listens on.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:endpoint = Start-LocalAws -ArgumentList '--seed-sample-data', '--snowball-clusters', '12', '--iot-jobs', '40', '--thing-groups', '30'
    $script:slow = Start-LocalAws -ArgumentList '--seed-sample-data', '--latency-ms', '5000'
    $script:aws = $endpoint.Aws
    $script:seed = 'CID123e4567-e89b-12d3-a456-426655440000'
    $script:generated = 2..13 | ForEach-Object { 'CID{0:x8}-0000-4000-8000-{0:x12}' -f $_ }
    $script:states = 'AwaitingQuorum', 'Pending', 'InUse', 'Complete', 'Cancelled'

    # One Tab, as the budget test needs.
    function script:CompleteOnce([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    # Tab, pressed again while the answer is still pending, as a user would: on a busy machine the first request of a
    # process can outlast the budget, and these tests are about what Tab offers, not how fast.
    function script:Complete([string] $Line) {
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while ($true) {
            $before = @($JobToolsCompletionDiagnostics)[-1]
            $offered = CompleteOnce $Line
            $after = @($JobToolsCompletionDiagnostics)[-1]
            $pending = $null -ne $after -and -not [object]::ReferenceEquals($before, $after) -and $after.Outcome -eq 'Pending'
            if (-not $pending -or [datetime]::UtcNow -gt $deadline) { return , $offered }
            Start-Sleep -Milliseconds 100
        }
    }
}

AfterAll {
    Stop-LocalAws $script:endpoint
    Stop-LocalAws $script:slow
    Remove-Module JobTools -ErrorAction SilentlyContinue
}

Describe 'Get-SnowballCluster' {
    It 'lists every cluster exactly, over several pages' {
        $clusters = Get-SnowballCluster -MaxResults 5 @aws
        $clusters.ClusterId | Should -Be (@($seed) + $generated)
        $clusters[0].ClusterState | Should -Be 'Pending'
        $clusters[0].Description | Should -Be 'MyCluster'
        $clusters[0].CreationDate | Should -Be ([datetime]::new(2016, 11, 30, 3, 11, 57, [System.DateTimeKind]::Utc))
        $clusters[1..12].ClusterState | Should -Be (0..11 | ForEach-Object { $states[$_ % 5] })
        $clusters[0].PSObject.TypeNames[0] | Should -Be 'JobTools.SnowballCluster'
    }

    It 'filters on -ClusterState in any case' {
        $inUse = Get-SnowballCluster -ClusterState inuse @aws
        $inUse.ClusterId | Should -Be $generated[2], $generated[7]
    }

    It 'pipes into Get-SnowballClusterJob by property name' {
        $jobs = Get-SnowballCluster @aws | Get-SnowballClusterJob @aws
        $jobs.Count | Should -Be (5 + 12 * 3)
        # The piped clusters are listed at once, so their jobs interleave.
        ($jobs.ClusterId | Sort-Object -Unique) | Should -Be (@($seed) + $generated | Sort-Object)
        ($jobs.JobId | Sort-Object -Unique).Count | Should -Be $jobs.Count
        $new = Get-SnowballCluster @aws | Get-SnowballClusterJob @aws | Where-Object JobState -eq New
        ($new.JobId | Sort-Object) | Should -Be (($jobs | Where-Object JobState -eq New).JobId | Sort-Object)
    }

    It 'renders its table whole at <_> columns' -ForEach 80, 120 {
        $width = $_
        $lines = (Get-SnowballCluster @aws | Out-String -Width $width) -split "`r?`n"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $width }
        $lines | Where-Object { $_ -match "^$seed\s+Pending\s+2016-11-30 03:11" } | Should -HaveCount 1
    }

    It 'documents itself with examples' {
        $help = Get-Help Get-SnowballCluster -Full
        $help.Synopsis | Should -Match 'ListClusters'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
        ($help.Examples.Example.Code -join "`n") | Should -Match 'Get-SnowballCluster \| Get-SnowballClusterJob'
    }
}

Describe 'Live completion' {
    It 'completes -ClusterId with the clusters, their state, creation date and description' {
        $line = 'Get-SnowballClusterJob @aws -ClusterId '
        $matches_ = Complete $line
        $matches_.CompletionText | Should -Be (Get-SnowballCluster @aws).ClusterId
        $matches_[0].ToolTip | Should -Be 'Pending, created 2016-11-30 03:11 UTC: MyCluster'
        $matches_ | ForEach-Object { $_.ResultType | Should -Be 'ParameterValue' }
    }

    It 'matches the typed prefix in any case' {
        (Complete 'Get-SnowballClusterJob @aws -ClusterId cid0000000a').CompletionText | Should -Be $generated[8]
        (Complete 'Get-SnowballClusterJob @aws -ClusterId CID1').CompletionText | Should -Be $seed
    }

    It 'uses the endpoint and region typed on the line' {
        $typed = "Get-SnowballClusterJob -EndpointUrl $($aws.EndpointUrl) -Region eu-west-1 -AccessKey $($aws.AccessKey) -SecretKey '$($aws.SecretKey)' -ClusterId CID0"
        (Complete $typed).CompletionText | Should -Be $generated
        $JobToolsCompletionDiagnostics[-1].Source | Should -BeLike "endpoint $($aws.EndpointUrl)* (-EndpointUrl); region eu-west-1 from the -Region parameter; *"
    }

    It 'completes -ThingGroupName with exactly what the service lists for the prefix' {
        $expected = (Invoke-IsolatedAwsCli $aws us-east-1 iot, list-thing-groups, --name-prefix-filter, fleet-).thingGroups
        $expected.Count | Should -BeGreaterThan 5
        $matches_ = Complete 'Get-IoTJob @aws -ThingGroupName fleet-'
        $matches_.CompletionText | Should -Be $expected.groupName
        $matches_.ToolTip | Should -Be ($expected | ForEach-Object { "Thing group $($_.groupName) ($($_.groupArn))" })
    }

    It 'quotes a thing group name with a colon' {
        $matches_ = Complete 'Get-IoTJob @aws -ThingGroupName lab:0'
        $matches_.CompletionText | Should -Contain "'lab:0001'"
        $matches_.ListItemText | Should -Contain 'lab:0001'
    }

    It 'answers within the budget when the endpoint takes 5 s, and offers the values once they arrived' {
        $before = $Error.Count
        $line = "Get-SnowballClusterJob -EndpointUrl $($slow.Url) -Region us-east-1 -AccessKey $($aws.AccessKey) -SecretKey '$($aws.SecretKey)' -ClusterId "
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $first = CompleteOnce $line
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 4.5 -Because 'the budget is about 2 s and the endpoint takes 5 s'
        $first | Should -BeNullOrEmpty
        $JobToolsCompletionDiagnostics[-1].Outcome | Should -Be 'Pending'
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ((Get-LocalAwsRequestCount $slow 'ListClusters') -eq 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
        Start-Sleep -Milliseconds 300
        (CompleteOnce $line).CompletionText | Should -Be $seed
        $JobToolsCompletionDiagnostics[-1].Outcome | Should -Be 'Cached'
        $Error.Count | Should -Be $before
    }

    It 'gives an empty completion, nothing in $Error, and a diagnostic, when the endpoint cannot be reached' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $before = $Error.Count
        $matches_ = Complete "Get-IoTJob -EndpointUrl http://127.0.0.1:$port/ -Region us-east-1 -AccessKey $($aws.AccessKey) -SecretKey '$($aws.SecretKey)' -ThingGroupName "
        $matches_ | Should -BeNullOrEmpty
        $Error.Count | Should -Be $before
        $JobToolsCompletionDiagnostics[-1].Outcome | Should -Be 'Failed'
        $JobToolsCompletionDiagnostics[-1].Message | Should -Match 'could not reach the endpoint'
        ($JobToolsCompletionDiagnostics | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($aws.SecretKey))
    }
}
