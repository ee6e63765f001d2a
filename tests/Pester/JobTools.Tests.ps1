#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The user-level suite, run in real pwsh by the README's test command (build.ps1 -Task Test): the built
# module (out/) against the local endpoint, started here in its own process on a free loopback port.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:endpoint = Start-LocalAws -ArgumentList '--seed-sample-data', '--snowball-jobs', '250', '--iot-jobs', '300'
    $script:aws = $endpoint.Aws
    $script:seed = 'CID123e4567-e89b-12d3-a456-426655440000'
    $script:generated = 'CID00000001-0000-4000-8000-000000000001'
}

AfterAll {
    Stop-LocalAws $script:endpoint
    Remove-Module JobTools -ErrorAction SilentlyContinue
}

Describe 'Import' {
    It 'exports exactly the cmdlets the manifest names' {
        (Get-Command -Module JobTools).Name | Sort-Object | Should -Be @('Get-IoTJob', 'Get-SnowballCluster', 'Get-SnowballClusterJob')
    }

    It 'imports in a fresh pwsh without loading AWSSDK.Core or sending a request' {
        $before = Get-LocalAwsRequestCount $endpoint 'ListClusterJobs'
        $run = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-BuiltModuleManifest)'
[AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'AWSSDK.Core'
"@
        $run.ExitCode | Should -Be 0
        $run.Output[-1] | Should -Be 'False'
        Get-LocalAwsRequestCount $endpoint 'ListClusterJobs' | Should -Be $before
    }
}

Describe 'Listing' {
    It 'lists the seed cluster of the API reference' {
        $jobs = Get-SnowballClusterJob -ClusterId $seed @aws
        $jobs.Count | Should -Be 5
        $jobs[0].JobId | Should -Be 'JID123e4567-e89b-12d3-a456-426655440000'
        $jobs[0].Description | Should -Be 'MyClustrer-node-001'
        $jobs[0].CreationDate | Should -Be ([datetime]::new(2016, 11, 30, 3, 12, 4, 335, [System.DateTimeKind]::Utc))
        $jobs[0].CreationDate.Kind | Should -Be 'Utc'
        $jobs[0].PSObject.TypeNames[0] | Should -Be 'JobTools.SnowballClusterJob'
    }

    It 'filters with Where-Object JobState -eq New' {
        $new = Get-SnowballClusterJob $seed @aws | Where-Object JobState -eq New
        $new.Count | Should -Be 5
        $new.JobState | Sort-Object -Unique | Should -Be 'New'
    }

    It 'pages through a generated cluster' {
        $jobs = Get-SnowballClusterJob $generated -MaxResults 40 @aws
        $jobs.Count | Should -Be 250
        ($jobs.JobId | Sort-Object -Unique).Count | Should -Be 250
    }

    It 'stops requesting pages once Select-Object -First has enough' {
        $before = Get-LocalAwsRequestCount $endpoint 'ListClusterJobs'
        $jobs = Get-SnowballClusterJob $generated -MaxResults 10 @aws | Select-Object -First 3
        $jobs.Count | Should -Be 3
        # The first page, and at most the page read ahead while it was written (cancelled by the stop).
        $sent = (Get-LocalAwsRequestCount $endpoint 'ListClusterJobs') - $before
        $sent | Should -BeIn 1, 2
    }

    It 'sends exactly one request for -First within one page' {
        $before = Get-LocalAwsRequestCount $endpoint 'ListJobs'
        (Get-IoTJob -First 5 @aws).Count | Should -Be 5
        (Get-LocalAwsRequestCount $endpoint 'ListJobs') - $before | Should -Be 1
    }

    It 'lists IoT jobs by status, in any case' {
        $jobs = Get-IoTJob -Status in_progress @aws
        $jobs.Count | Should -BeGreaterThan 0
        $jobs.Status | Sort-Object -Unique | Should -Be 'IN_PROGRESS'
    }
}

Describe 'Completion' {
    It 'completes -Status through TabExpansion2' {
        $line = 'Get-IoTJob -Status C'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('CANCELED', 'COMPLETED')
    }

    It 'completes -JobState with a tooltip for each value' {
        $line = "Get-SnowballClusterJob $seed -JobState With"
        $matches_ = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $matches_.CompletionText | Sort-Object | Should -Be @('WithAWS', 'WithAWSSortingFacility', 'WithCustomer')
        $matches_ | ForEach-Object { $_.ToolTip | Should -Not -Be $_.CompletionText }
    }

    It 'completes the output properties after Where-Object' {
        $line = "Get-SnowballClusterJob $seed | Where-Object "
        $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $names | Should -Contain 'JobState'
        $names | Should -Contain 'CreationDate'
    }
}

Describe 'Help' {
    It 'documents <_> with a synopsis, a description and examples' -ForEach 'Get-SnowballClusterJob', 'Get-SnowballCluster', 'Get-IoTJob' {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Description.Text | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'documents every parameter of <_>' -ForEach 'Get-SnowballClusterJob', 'Get-SnowballCluster', 'Get-IoTJob' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $parameters = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }
        $parameters.Count | Should -BeGreaterThan 10
        foreach ($name in $parameters) {
            $help = Get-Help $_ -Parameter $name
            ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name needs help text"
        }
    }

    It 'is right that Trace-Command prints -SecretKey and -SessionToken, and not the secret of -Credential' {
        $strings = Join-Path $TestDrive 'strings.txt'
        $secure = Join-Path $TestDrive 'credential.txt'
        $credential = [pscredential]::new('AKIDTRACE', (ConvertTo-SecureString 'credential-secret' -AsPlainText -Force))
        # The binding is all that is traced; the bad -EndpointUrl then stops the command before any request.
        Trace-Command -Name ParameterBinding -FilePath $strings -Expression {
            try { Get-IoTJob -AccessKey AKIDTRACE -SecretKey 'string-secret' -SessionToken 'string-token' -EndpointUrl 'not a uri' -Region us-east-1 } catch { }
        }
        Trace-Command -Name ParameterBinding -FilePath $secure -Expression {
            try { Get-IoTJob -Credential $credential -EndpointUrl 'not a uri' -Region us-east-1 } catch { }
        }
        Get-Content -Raw $strings | Should -Match 'string-secret'
        Get-Content -Raw $strings | Should -Match 'string-token'
        Get-Content -Raw $secure | Should -Match 'PSCredential'
        Get-Content -Raw $secure | Should -Not -Match 'credential-secret'
    }
}

Describe 'Help examples' {
    # Every example of both cmdlets runs as written and is held to what its remarks claim. The test points the
    # cmdlets at the local endpoint with $PSDefaultParameterValues (the offline examples name the local endpoint's
    # documented address, which becomes the test's); the scheduled scripts run in a fresh pwsh with the shared
    # credentials and config files a configured machine has, and use its 'reporting' profile.
    BeforeAll {
        $script:examples = @{}
        foreach ($command in 'Get-SnowballClusterJob', 'Get-IoTJob') {
            $examples[$command] = @((Get-Help $command -Examples).examples.example | ForEach-Object { $_.code -join "`n" })
        }
        $script:defaults = @{
            'Get-*Job:EndpointUrl' = $aws.EndpointUrl
            'Get-*Job:Region'      = 'us-east-1'
            'Get-*Job:AccessKey'   = $aws.AccessKey
            'Get-*Job:SecretKey'   = $aws.SecretKey
        }
        $script:work = Join-Path $TestDrive 'examples'
        [void][System.IO.Directory]::CreateDirectory($work)
        $credentials = Join-Path $TestDrive 'credentials'
        $config = Join-Path $TestDrive 'config'
        Set-Content $credentials "[reporting]`naws_access_key_id = $($aws.AccessKey)`naws_secret_access_key = $($aws.SecretKey)"
        Set-Content $config "[profile reporting]`nregion = us-east-1"
        $script:machine = @{ AWS_SHARED_CREDENTIALS_FILE = $credentials; AWS_CONFIG_FILE = $config; AWS_EC2_METADATA_DISABLED = 'true' }
        $script:unknownCluster = 'CID00000000-0000-4000-8000-00000000dead'
        $script:fleetEast = '4f1c2a9e-0b7d-4c52-9a61-1e2f3a4b5c6d'

        function Get-Example([string] $Command, [int] $Number) {
            [scriptblock]::Create($examples[$Command][$Number - 1].Replace('http://127.0.0.1:4567', $aws.EndpointUrl))
        }

        # A scheduled-script example, in a fresh pwsh that ends the way the scheduler sees it.
        function Invoke-ScheduledExample([string] $Command, [int] $Number, [string] $EndpointUrl = $aws.EndpointUrl) {
            Invoke-FreshPwsh -Environment $machine -Script @"
`$PSDefaultParameterValues['Get-*Job:EndpointUrl'] = '$EndpointUrl'
`$PSDefaultParameterValues['Get-*Job:MaxRetries'] = 1
Import-Module '$(Get-BuiltModuleManifest)'
Set-Location '$work'
$($examples[$Command][$Number - 1])
"@
        }
    }

    BeforeEach {
        # The remarks speak of a console's preferences (build.ps1 runs the suite with 'Stop').
        $ErrorActionPreference = 'Continue'
        $PSDefaultParameterValues = $defaults.Clone()
        Push-Location $work
    }

    AfterEach {
        Pop-Location
    }

    It 'has the examples this test runs: seven of Get-SnowballClusterJob and eight of Get-IoTJob' {
        $examples['Get-SnowballClusterJob'] | Should -HaveCount 7
        $examples['Get-IoTJob'] | Should -HaveCount 8
    }

    It 'Get-SnowballClusterJob 1: lists every job of the cluster, in a table' {
        $jobs = @(. (Get-Example Get-SnowballClusterJob 1))
        $jobs.JobId | Should -Be (0..4 | ForEach-Object { "JID123e4567-e89b-12d3-a456-42665544000$_" })
        $table = @(ConvertFrom-RenderedTable ($jobs | Out-String -Width 120))
        $table | Should -HaveCount 1
        $table[0].Rows.JobId | Should -Be $jobs.JobId
    }

    It 'Get-SnowballClusterJob 2: Where-Object JobState -eq New keeps what -JobState New keeps' {
        $new = @(. (Get-Example Get-SnowballClusterJob 2))
        $new | Should -HaveCount 5
        $new.JobState | Sort-Object -Unique | Should -Be 'New'
        $new.JobId | Should -Be @(Get-SnowballClusterJob $seed -JobState New).JobId
    }

    It 'Get-SnowballClusterJob 3: an unknown cluster in clusters.txt is a non-terminating error; the others are listed, filtered on state' {
        Set-Content ./clusters.txt $unknownCluster, $generated, $seed
        $all = @(. (Get-Example Get-SnowballClusterJob 3) 2>&1)
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidResourceException,*'
        "$($errors[0])" | Should -Match $unknownCluster
        $expected = @(Get-SnowballClusterJob $generated | Where-Object JobState -in 'InProgress', 'WithCustomer')
        $expected.Count | Should -BeGreaterThan 0
        @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }).JobId | Should -Be $expected.JobId
    }

    It 'Get-SnowballClusterJob 4 (a scheduled script): exports every job, and stops with exit code 1 and the AWS error code and request id on an unknown cluster' {
        Set-Content ./clusters.txt $seed, $generated
        $run = Invoke-ScheduledExample Get-SnowballClusterJob 4
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @(Import-Csv ./snowball-jobs.csv) | Should -HaveCount 255

        Set-Content ./clusters.txt $seed, $unknownCluster
        $run = Invoke-ScheduledExample Get-SnowballClusterJob 4
        $run.ExitCode | Should -Be 1
        $message = $run.Output -join "`n"
        $message | Should -Match 'Snowball listing failed: .*InvalidResourceException'
        $message | Should -Match 'request id [0-9a-f-]{36}'
    }

    It 'Get-SnowballClusterJob 5: one request writes the first two jobs and the NextToken; the second command writes the other three' {
        $before = Get-LocalAwsRequestCount $endpoint 'ListClusterJobs'
        $jobs = @(. (Get-Example Get-SnowballClusterJob 5))
        $next | Should -HaveCount 1
        $next[0].Tags | Should -Contain 'NextToken'
        $jobs.JobId | Should -Be (0..4 | ForEach-Object { "JID123e4567-e89b-12d3-a456-42665544000$_" })
        (Get-LocalAwsRequestCount $endpoint 'ListClusterJobs') - $before | Should -Be 2
    }

    It 'Get-SnowballClusterJob 6: the local endpoint serves the five-job example cluster' {
        $jobs = @(. (Get-Example Get-SnowballClusterJob 6))
        $jobs | Should -HaveCount 5
        $jobs[0].Description | Should -Be 'MyClustrer-node-001'
    }

    It 'Get-IoTJob 1: the first ten jobs in progress, in one request' {
        $before = Get-LocalAwsRequestCount $endpoint 'ListJobs'
        $jobs = @(. (Get-Example Get-IoTJob 1))
        $jobs | Should -HaveCount 10
        $jobs.Status | Sort-Object -Unique | Should -Be 'IN_PROGRESS'
        (Get-LocalAwsRequestCount $endpoint 'ListJobs') - $before | Should -Be 1
    }

    It 'Get-IoTJob 2: keeps the snapshot jobs of the thing group completed more than 30 days ago, none that has not completed' {
        $kept = @(. (Get-Example Get-IoTJob 2))
        $cutoff = [datetime]::UtcNow.AddDays(-30)
        $group = @(Get-IoTJob | Where-Object { $_.ThingGroupId -eq $fleetEast -and $_.TargetSelection -eq 'SNAPSHOT' })
        $expected = @($group | Where-Object { $null -ne $_.CompletedAt -and $_.CompletedAt -lt $cutoff })
        $expected.Count | Should -BeGreaterThan 0
        @($group | Where-Object { $null -eq $_.CompletedAt }).Count | Should -BeGreaterThan 0 -Because 'the group has jobs that have not completed, which the example must leave out'
        $kept.JobId | Should -Be $expected.JobId
    }

    It 'Get-IoTJob 3 (a scheduled script): exports the jobs in progress' {
        $run = Invoke-ScheduledExample Get-IoTJob 3
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @(Import-Csv ./iot-jobs.csv).JobId | Should -Be @(Get-IoTJob -Status IN_PROGRESS).JobId
    }

    It 'Get-IoTJob 3 (a scheduled script): retries throttling, then stops with exit code 1, the AWS error code, the request id and the token to resume with' {
        # The first page has two jobs and a next token; every later request is throttled, as IoT throttles.
        $server = Start-ScriptedHttpServer -Handler {
            param($number, $request)
            if ($number -eq 1) {
                $job = '{{"jobArn":"arn:aws:iot:eu-west-1:123456789012:job/{0}","jobId":"{0}","targetSelection":"CONTINUOUS","status":"IN_PROGRESS","createdAt":1740787200.5}}'
                @{ Status = 200; Headers = @{ 'x-amzn-RequestId' = 'page-1' }; Body = '{"jobs":[' + ($job -f 'job-a') + ',' + ($job -f 'job-b') + '],"nextToken":"page-2"}' }
            }
            else {
                @{ Status = 400; Headers = @{ 'x-amzn-RequestId' = "throttled-$number"; 'x-amzn-ErrorType' = 'ThrottlingException' }; Body = '{"message":"Rate exceeded"}' }
            }
        }
        try {
            $run = Invoke-ScheduledExample Get-IoTJob 3 -EndpointUrl $server.Url
            $requests = $server.State.Requests
        }
        finally {
            Stop-ScriptedHttpServer $server
        }
        $run.ExitCode | Should -Be 1
        $requests | Should -Be 3 -Because 'the first page, then the throttled request and its one retry'
        $message = $run.Output -join "`n"
        $message | Should -Match 'IoT listing failed: .*ThrottlingException'
        $message | Should -Match 'request id throttled-3'
        $message | Should -Match "-NextToken 'page-2'"
        @(Import-Csv ./iot-jobs.csv).JobId | Should -Be 'job-a', 'job-b'
    }

    It 'Get-IoTJob 4: one page of 50 and its token, then the rest; the token is bound to the filters' {
        $before = Get-LocalAwsRequestCount $endpoint 'ListJobs'
        $jobs = @(. (Get-Example Get-IoTJob 4))
        (Get-LocalAwsRequestCount $endpoint 'ListJobs') - $before | Should -Be 2 -Because 'one page of 50, then one of the other 250'
        $jobs | Should -HaveCount 300
        $jobs.JobId | Should -Be @(Get-IoTJob).JobId
        $other = { Get-IoTJob -Status COMPLETED -NextToken $next[-1].MessageData -ErrorAction Stop } | Should -Throw -PassThru
        $other.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'Get-IoTJob 5: the local endpoint filters on the status, as the service does' {
        $completed = @(. (Get-Example Get-IoTJob 5))
        $completed.Count | Should -BeGreaterThan 0
        $completed.JobId | Should -Be @(Get-IoTJob | Where-Object Status -eq COMPLETED).JobId
    }

    It 'Get-IoTJob 6: describes the first five jobs in progress, one DescribeJob each, and keeps those with failed things' {
        $before = Get-LocalAwsRequestCount $endpoint 'DescribeJob'
        $kept = @(. (Get-Example Get-IoTJob 6))
        (Get-LocalAwsRequestCount $endpoint 'DescribeJob') - $before | Should -Be 5
        $described = @(Get-IoTJob -Status IN_PROGRESS -First 5 | Get-IoTJob)
        $expected = @($described | Where-Object { $_.JobProcessDetails.NumberOfFailedThings -gt 0 })
        $expected.Count | Should -BeGreaterThan 0
        $kept.JobId | Should -Be $expected.JobId
    }

    It 'Get-SnowballClusterJob 7: every cluster listed at once, ten at a time, keeps the new jobs of each' {
        $PSDefaultParameterValues['Get-SnowballCluster:EndpointUrl'] = $aws.EndpointUrl
        $PSDefaultParameterValues['Get-SnowballCluster:Region'] = 'us-east-1'
        $PSDefaultParameterValues['Get-SnowballCluster:AccessKey'] = $aws.AccessKey
        $PSDefaultParameterValues['Get-SnowballCluster:SecretKey'] = $aws.SecretKey
        $new = @(. (Get-Example Get-SnowballClusterJob 7))
        $expected = @(Get-SnowballCluster | ForEach-Object { Get-SnowballClusterJob $_.ClusterId -JobState New })
        $new.Count | Should -BeGreaterThan 5
        ($new.JobId | Sort-Object) | Should -Be ($expected.JobId | Sort-Object)
        $new[0].PSObject.TypeNames[0] | Should -Be 'JobTools.SnowballClusterJob#Clusters'
    }

    It 'Get-IoTJob 8: three regions at once, grouped by region' {
        $groups = @(. (Get-Example Get-IoTJob 8))
        $inProgress = @(Get-IoTJob -Status IN_PROGRESS).Count
        $inProgress | Should -BeGreaterThan 0
        ($groups.Name | Sort-Object) | Should -Be 'ap-south-1', 'eu-west-1', 'us-east-1'
        $groups | ForEach-Object { $_.Count | Should -Be $inProgress }
    }

    It 'Get-IoTJob 7: a script written for AWS Tools binds and reads the job itself' {
        $example = [scriptblock]::Create($examples['Get-IoTJob'][6].Replace('firmware-update-42', 'job-1-000001'))
        $status, $succeeded = @(. $example)
        $job = Get-IoTJob -JobId job-1-000001
        $status | Should -Be $job.Status
        $succeeded | Should -Be $job.JobProcessDetails.NumberOfSucceededThings
    }
}

Describe 'Parameter messages' {
    It 'suggests an endpoint of <Command>''s own service for an -EndpointUrl that is not a URI' -ForEach @(
        @{ Command = 'Get-SnowballClusterJob'; Arguments = @{ ClusterId = 'CID123e4567-e89b-12d3-a456-426655440000' }; Service = 'snowball'; Other = 'iot' }
        @{ Command = 'Get-IoTJob'; Arguments = @{}; Service = 'iot'; Other = 'snowball' }
    ) {
        $failure = { & $Command @Arguments -EndpointUrl 'not a uri' -Region us-east-1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpointUrl,*'
        $failure.Exception.Message | Should -Match "https://$Service\.us-east-1\.amazonaws\.com"
        $failure.Exception.Message | Should -Not -Match "https://$Other\."
    }
}

Describe 'Views' {
    BeforeAll {
        $script:cellOf = @{
            'JobId'             = { $_.JobId }
            'JobState'          = { $_.JobState }
            'Status'            = { $_.Status }
            'Created (UTC)'     = { Format-Minute ($_.CreationDate ?? $_.CreatedAt) }
            'Completed (UTC)'   = { Format-Minute $_.CompletedAt }
            'LastUpdated (UTC)' = { Format-Minute $_.LastUpdatedAt }
            'ClusterId'         = { $_.ClusterId }
            'JobType'           = { $_.JobType }
            'SnowballType'      = { $_.SnowballType }
            'IsMaster'          = { "$($_.IsMaster)" }
            'Description'       = { "$($_.Description)" }
            'TargetSelection'   = { $_.TargetSelection }
            'ThingGroupId'      = { "$($_.ThingGroupId)" }
            'IsConcurrent'      = { "$($_.IsConcurrent)" }
        }
        $script:snowball80 = 'JobId', 'JobState', 'Created (UTC)'
        $script:snowball120 = $snowball80 + 'JobType', 'IsMaster', 'Description'
        $script:iot80 = 'JobId', 'Status', 'Created (UTC)'
        $script:iot120 = $iot80 + 'Completed (UTC)', 'TargetSelection'
        # The seed (whose Description must show whole at 120), then a cluster's first jobs, one in every state.
        $script:snowballJobs = @(Get-SnowballClusterJob $seed @aws) + @(Get-SnowballClusterJob $generated -First 13 @aws)
        # One job of every status first, then random ones.
        $script:iotJobs = @(Get-IoTJob -First 10 @aws)

        function Format-Minute($Time) {
            if ($null -ne $Time) { $Time.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture) } else { '' }
        }

        # One table, one header line with exactly these columns, no line wider than the width, and every cell whole.
        function Assert-WholeTable([string] $Text, [int] $Width, [string[]] $Columns, [object[]] $Jobs) {
            $Text -split "`r?`n" | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width -Because "'$_' must fit" }
            $tables = @(ConvertFrom-RenderedTable $Text)
            $tables | Should -HaveCount 1
            $tables[0].HeaderLines | Should -HaveCount 1 -Because "no header wraps: $($tables[0].HeaderLines -join '|')"
            $tables[0].Headers | Should -Be $Columns
            $tables[0].Rows | Should -HaveCount $Jobs.Count
            for ($i = 0; $i -lt $Jobs.Count; $i++) {
                foreach ($column in $Columns) {
                    $tables[0].Rows[$i][$column] | Should -BeExactly ($Jobs[$i] | ForEach-Object $cellOf[$column]) -Because "row $i, $column"
                }
            }
        }
    }

    It 'shows the Snowball columns that fit whole, in one table for two clusters, at <Width> columns' -ForEach @(
        @{ Width = 80; Columns = 'JobId', 'JobState', 'Created (UTC)'; Count = 18 }
        @{ Width = 120; Columns = 'JobId', 'JobState', 'Created (UTC)', 'JobType', 'IsMaster', 'Description'; Count = 5 }
        @{ Width = 200; Columns = 'JobId', 'JobState', 'Created (UTC)', 'JobType', 'IsMaster', 'Description'; Count = 18 }
    ) {
        # At 120, Description has the rest of the line: the seed's whole, a longer one cut.
        $jobs = $snowballJobs[0..($Count - 1)]
        Assert-WholeTable ($jobs | Out-String -Width $Width) $Width $Columns $jobs
    }

    It 'shows the IoT columns that fit whole at <_> columns' -ForEach 80, 120, 200 {
        $columns = if ($_ -eq 80) { $iot80 } else { $iot120 }
        Assert-WholeTable ($iotJobs | Out-String -Width $_) $_ $columns $iotJobs
    }

    It 'keeps the widths after an auto-sized table in the same output, at <_> columns' -ForEach 80, 120 {
        $text = & { Get-Date | Format-Table; $iotJobs | Format-Table; $snowballJobs[0..4] | Format-Table } | Out-String -Width $_
        $tables = @(ConvertFrom-RenderedTable $text)
        $tables | Should -HaveCount 2
        $iotText, $snowballText = $text -split '(?m)^(?=JobId +JobState)', 2
        Assert-WholeTable $iotText $_ $(if ($_ -eq 80) { $iot80 } else { $iot120 }) $iotJobs
        Assert-WholeTable $snowballText $_ $(if ($_ -eq 80) { $snowball80 } else { $snowball120 }) $snowballJobs[0..4]
    }

    It 'shows whole columns in a scheduled script''s log (pwsh -NonInteractive, output redirected)' {
        $run = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-BuiltModuleManifest)'
`$aws = @{ EndpointUrl = '$($aws.EndpointUrl)'; Region = 'us-east-1'; AccessKey = '$($aws.AccessKey)'; SecretKey = '$($aws.SecretKey)' }
Get-Date | Format-Table
Get-IoTJob -First 10 @aws
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        Assert-WholeTable $run.Text 80 $iot80 $iotJobs
    }

    It 'shows the cluster at 120 and every property at 200 in the Snowball Wide view' {
        Assert-WholeTable ($snowballJobs | Format-Table -View Wide | Out-String -Width 120) 120 ($snowball80 + 'ClusterId') $snowballJobs
        $all = $snowball80 + 'ClusterId', 'JobType', 'SnowballType', 'IsMaster', 'Description'
        Assert-WholeTable ($snowballJobs[0..4] | Format-Table -View Wide | Out-String -Width 200) 200 $all $snowballJobs[0..4]
    }

    It 'shows every property but JobArn at 200 in the IoT Wide view' {
        $all = $iot120 + 'ThingGroupId', 'LastUpdated (UTC)', 'IsConcurrent'
        Assert-WholeTable ($iotJobs | Format-Table -View Wide | Out-String -Width 200) 200 $all $iotJobs
    }

    It 'keeps every property in the list view of <_>' -ForEach 'Get-SnowballClusterJob', 'Get-IoTJob' {
        $job = if ($_ -eq 'Get-IoTJob') { $iotJobs[1] } else { $snowballJobs[0] }
        $text = $job | Format-List | Out-String -Width 120
        foreach ($property in $job.PSObject.Properties.Name) {
            $text | Should -Match "(?m)^$property\b.*:"
        }
    }
}

Describe 'Unattended' {
    It 'lists with -Debug under pwsh -NonInteractive with stdin closed, without a prompt' {
        $run = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-BuiltModuleManifest)'
`$aws = @{ EndpointUrl = '$($aws.EndpointUrl)'; Region = 'us-east-1'; AccessKey = '$($aws.AccessKey)'; SecretKey = '$($aws.SecretKey)' }
`$jobs = Get-SnowballClusterJob $generated -MaxResults 100 @aws -Debug
"count=`$(`$jobs.Count)"
"@
        $run.Output | Should -Not -Contain 'Confirm'
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'count=250'
        $run.Output | Where-Object { $_ -like 'DEBUG: Endpoint: *' } | Should -HaveCount 1
        $run.Output | Where-Object { $_ -like 'DEBUG: Page 3 of *' } | Should -HaveCount 1
    }

    It 'writes the debug lines to the debug stream under -Debug, for 5> redirection' {
        $records = Get-SnowballClusterJob $seed @aws -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $records.Message | Should -Contain "Credentials: the -AccessKey and -SecretKey parameters."
        ($records.Message -join "`n") | Should -Not -Match ([regex]::Escape($aws.SecretKey))
    }
}

Describe 'Parameter mistakes' {
    It 'reports <Given> without its other half before any request, naming both parameters' -ForEach @(
        @{ Given = '-AccessKey'; Keys = @{ AccessKey = 'AKIDLOCALJOBTOOLS' }; Id = 'AccessKeyWithoutSecretKey' }
        @{ Given = '-SecretKey'; Keys = @{ SecretKey = 'local/secret+KEY0123456789abcdefghijklmn' }; Id = 'SecretKeyWithoutAccessKey' }
    ) {
        $before = Get-LocalAwsRequestCount $endpoint 'ListJobs'
        $failure = $null
        try { Get-IoTJob -EndpointUrl $endpoint.Url -Region us-east-1 @Keys -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be "$Id,JobTools.Commands.GetIoTJobCommand"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike '*-AccessKey and -SecretKey*'
        (Get-LocalAwsRequestCount $endpoint 'ListJobs') - $before | Should -Be 0
    }
}

Describe 'Interrupted listings' {
    It 'puts the resume token in $_.Exception.Message, which a scheduled script logs' {
        $own = Start-LocalAws -ArgumentList '--iot-jobs', '100'
        try {
            $ownAws = $own.Aws
            $failure = $null
            # The endpoint goes away once the first job is written: the next page cannot be fetched.
            try { Get-IoTJob -MaxResults 10 -MaxRetries 0 @ownAws -ErrorAction Stop | ForEach-Object { Stop-LocalAws $own } }
            catch { $failure = $_ }
            $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
            $failure.TargetObject.NextToken | Should -Not -BeNullOrEmpty
            $failure.Exception.Message.EndsWith(". Resume with -NextToken '$($failure.TargetObject.NextToken)'.") | Should -BeTrue -Because $failure.Exception.Message
        }
        finally {
            Stop-LocalAws $own
        }
    }
}

Describe 'Hostile page tokens' {
    BeforeAll {
        # A server that answers ListJobs as $state.Mode says, on a free loopback port, from a thread of this pwsh.
        # After 5,000 requests it ends the listing, so that a listing the module fails to stop cannot hang the suite.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $script:state = [hashtable]::Synchronized(@{ Mode = 'endless'; Requests = 0 })
        $script:listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $script:serving = Start-ThreadJob -ArgumentList $listener, $state -ScriptBlock {
            param($listener, $state)
            function Page($from, $next) {
                $jobs = @(if ($from) { $from..($from + 249) | ForEach-Object { @{ jobId = "job-$_"; jobArn = "arn:aws:iot:us-east-1:123456789012:job/job-$_"; status = 'IN_PROGRESS'; createdAt = 1700000000 } } })
                @{ jobs = $jobs; nextToken = $next } | ConvertTo-Json -Depth 4 -Compress
            }
            while ($listener.IsListening) {
                try { $context = $listener.GetContext() } catch { break }
                $n = ++$state.Requests
                $token = $context.Request.QueryString['nextToken']
                $body = if ($n -gt 5000) { Page 0 $null }
                elseif ($state.Mode -eq 'endless') { Page 0 "fresh-$n" }
                else { switch ($token) { $null { Page 1 'to-page-2' } 'to-page-2' { Page 251 'to-page-3' } 'to-page-3' { Page 1 'to-page-2-again' } default { Page 251 'to-page-3' } } }
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
                $context.Response.ContentType = 'application/json'
                $context.Response.ContentLength64 = $bytes.Length
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                $context.Response.Close()
            }
        }
        $script:hostileAws = @{ EndpointUrl = "http://127.0.0.1:$port/"; Region = 'us-east-1'; AccessKey = 'AKIDHOSTILE'; SecretKey = 'hostile-secret-0123456789'; MaxRetries = 0 }
    }

    AfterAll {
        $listener.Stop()
        $serving | Remove-Job -Force
    }

    BeforeEach { $state.Requests = 0 }

    It 'stops endless empty pages at 1000, naming the bound, the token to resume with and -MaxPages' {
        $state.Mode = 'endless'
        $failure = $null
        try { Get-IoTJob @hostileAws -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'TooManyEmptyPages,JobTools.Commands.GetIoTJobCommand'
        $failure.Exception.Message | Should -BeLike "*1000 empty pages*-NextToken 'fresh-1000'*-MaxPages*"
        $state.Requests | Should -Be 1000
    }

    It 'never writes a job twice when a token goes back to the first page' {
        $state.Mode = 'back'
        $failure = $null
        $written = [System.Collections.Generic.List[string]]::new()
        try { Get-IoTJob @hostileAws -ErrorAction Stop | ForEach-Object { $written.Add($_.JobId) } } catch { $failure = $_ }
        $written.Count | Should -Be 500
        ($written | Sort-Object -Unique).Count | Should -Be 500
        $failure.FullyQualifiedErrorId | Should -Be 'ItemRepeated,JobTools.Commands.GetIoTJobCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure.TargetObject.NextToken | Should -Be 'to-page-3'
    }
}

Describe 'Completion of several values' {
    It 'does not offer again a value already given: -JobState New,<Tab>' {
        $line = "Get-SnowballClusterJob $seed -JobState New,"
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $offered | Should -Not -Contain 'New'
        $offered | Should -Contain 'InProgress'
        $offered.Count | Should -Be 12
    }
}
