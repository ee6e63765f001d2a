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
        (Get-Command -Module JobTools).Name | Sort-Object | Should -Be @('Get-IoTJob', 'Get-SnowballClusterJob')
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
    It 'documents <_> with a synopsis, a description and examples' -ForEach 'Get-SnowballClusterJob', 'Get-IoTJob' {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Description.Text | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'documents every parameter of <_>' -ForEach 'Get-SnowballClusterJob', 'Get-IoTJob' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $parameters = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }
        $parameters.Count | Should -BeGreaterThan 10
        foreach ($name in $parameters) {
            $help = Get-Help $_ -Parameter $name
            ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name needs help text"
        }
    }
}

Describe 'Views' {
    It 'renders the Snowball table whole at <_> columns' -ForEach 80, 120, 200 {
        $width = $_
        $lines = (Get-SnowballClusterJob $seed @aws | Out-String -Width $width) -split "`r?`n"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $width }
        $lines | Where-Object { $_ -match '^JID123e4567-e89b-12d3-a456-426655440000\s' } | Should -HaveCount 1
        $lines | Where-Object { $_ -match '^JobId\s' } | Should -HaveCount 1
    }

    It 'renders the IoT table at <_> columns' -ForEach 80, 120, 200 {
        $width = $_
        $jobs = Get-IoTJob -First 5 @aws
        $lines = ($jobs | Out-String -Width $width) -split "`r?`n"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $width }
        foreach ($job in $jobs) {
            $lines | Where-Object { $_.StartsWith($job.JobId + ' ') } | Should -HaveCount 1
        }
    }

    It 'keeps every field in the list view' {
        $text = Get-SnowballClusterJob $seed -First 1 @aws | Format-List | Out-String -Width 120
        foreach ($name in 'ClusterId', 'JobId', 'JobState', 'JobType', 'SnowballType', 'IsMaster', 'CreationDate', 'Description') {
            $text | Should -Match "(?m)^$name\b.*:"
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
