#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Side by side with AWS Tools for PowerShell, in real pwsh: Get-IoTJob -JobId (DescribeJob) as AWS Tools'
# Get-IOTJob describes jobs, and the message when a module named AWS.Tools.IoT (the stand-in of
# tests/AwsToolsStandIn) is in the session too; against the local endpoint started here in its own process.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:endpoint = Start-LocalAws -ArgumentList '--iot-jobs', '300'
    $script:aws = $endpoint.Aws
    $configuration = if ($env:JOBTOOLS_CONFIGURATION) { $env:JOBTOOLS_CONFIGURATION } else { 'Release' }
    $script:standIn = [System.IO.Path]::Combine((Get-RepositoryRoot), 'tests', 'AwsToolsStandIn', 'bin', $configuration, 'net10.0', 'AWS.Tools.IoT.psd1')
    $script:splat = "@{ EndpointUrl = '$($aws.EndpointUrl)'; Region = 'us-east-1'; AccessKey = '$($aws.AccessKey)'; SecretKey = '$($aws.SecretKey)' }"
}

AfterAll {
    Stop-LocalAws $script:endpoint
    Remove-Module JobTools -ErrorAction SilentlyContinue
}

Describe 'Describing IoT jobs (-JobId)' {
    It 'describes each job a listing pipes in, with one DescribeJob request each' {
        $before = Get-LocalAwsRequestCount $endpoint 'DescribeJob'
        $listed = Get-IoTJob -Status IN_PROGRESS -First 5 @aws
        $described = $listed | Get-IoTJob @aws
        $described.JobId | Should -Be $listed.JobId
        $described | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'JobTools.IoTJobDetail' }
        $described.Status | Sort-Object -Unique | Should -Be 'IN_PROGRESS'
        $described | ForEach-Object { $_.JobProcessDetails.NumberOfSucceededThings | Should -BeOfType [int] }
        (Get-LocalAwsRequestCount $endpoint 'DescribeJob') - $before | Should -Be 5
    }

    It 'writes a non-terminating ObjectNotFound error for an unknown ID and describes the others' {
        $described = 'job-1-000001', 'no-such-job', 'job-1-000002' | Get-IoTJob @aws -ErrorVariable failures -ErrorAction SilentlyContinue
        $described.JobId | Should -Be 'job-1-000001', 'job-1-000002'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,JobTools.Commands.GetIoTJobCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'no-such-job'
    }

    It 'binds as AWS Tools for PowerShell does: the ID by position, -BeforeSubstitution as a Boolean' {
        $job = Get-IoTJob job-1-000003 -BeforeSubstitution $true @aws
        $job.JobId | Should -Be 'job-1-000003'
    }

    It 'renders the detail table whole at <_> columns' -ForEach 80, 120 {
        $width = $_
        $lines = (Get-IoTJob job-1-000001, job-1-000002 @aws | Out-String -Width $width) -split "`r?`n"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $width }
        $lines | Where-Object { $_ -match '^job-1-00000[12]\s+\S+\s+\d{4}-\d\d-\d\d \d\d:\d\d' } | Should -HaveCount 2
        if ($width -ge 120) { $lines | Where-Object { $_ -match '^JobId\s.*Succeeded\s+Failed\s+InProgress\s+Queued$' } | Should -HaveCount 1 }
    }
}

Describe 'Beside AWS.Tools.IoT' {
    It 'says once, when JobTools was imported last, that its Get-IoTJob answers and how to name either one' {
        $run = Invoke-FreshPwsh -Script @"
Import-Module '$standIn'
Import-Module '$(Get-BuiltModuleManifest)'
`$aws = $splat
1..3 | ForEach-Object { (Get-IoTJob job-1-000001 @aws).PSObject.TypeNames[0] }
(Get-IOTJob job-1-000002 @aws).PSObject.TypeNames[0]
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @($run.Output | Where-Object { $_ -eq 'JobTools.IoTJobDetail' }).Count | Should -Be 4
        $warnings = @($run.Output | Where-Object { $_ -like 'WARNING:*' })
        $warnings | Should -HaveCount 1
        $warnings[0] | Should -BeLike "*JobTools' Get-IoTJob here: AWS.Tools.IoT, imported earlier*"
        $warnings[0] | Should -BeLike '*JobTools\Get-IoTJob or AWS.Tools.IoT\Get-IOTJob*'
    }

    It 'says once, when AWS.Tools.IoT was imported last, that its Get-IOTJob answers and that JobTools\Get-IoTJob reaches this module' {
        $run = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-BuiltModuleManifest)'
Import-Module '$standIn'
`$aws = $splat
1..3 | ForEach-Object { (Get-IoTJob job-1-000001).AnsweredBy }
(JobTools\Get-IoTJob job-1-000002 @aws).PSObject.TypeNames[0]
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @($run.Output | Where-Object { $_ -eq 'AWS.Tools.IoT stand-in' }).Count | Should -Be 3
        $run.Output | Should -Contain 'JobTools.IoTJobDetail'
        $warnings = @($run.Output | Where-Object { $_ -like 'WARNING:*' })
        $warnings | Should -HaveCount 1
        $warnings[0] | Should -BeLike "*AWS.Tools.IoT's Get-IOTJob here, not JobTools' Get-IoTJob: AWS.Tools.IoT was imported after JobTools*"
        $warnings[0] | Should -BeLike '*call JobTools\Get-IoTJob*'
    }

    It 'says nothing without AWS.Tools.IoT' {
        $run = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-BuiltModuleManifest)'
`$aws = $splat
(Get-IoTJob job-1-000001 @aws).JobId
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Be 'job-1-000001'
    }
}

Describe 'AWS credential objects for -Credential' {
    It 'lists with Amazon.Runtime.SessionAWSCredentials made by another AWSSDK.Core loaded first' {
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { [System.IO.Path]::Combine([Environment]::GetFolderPath('UserProfile'), '.nuget', 'packages') }
        $older = [System.IO.Path]::Combine($packages, 'awssdk.core', '4.0.3.3', 'lib', 'net8.0', 'AWSSDK.Core.dll')
        Test-Path $older | Should -BeTrue -Because 'the xunit project downloads AWSSDK.Core 4.0.3.3 (PackageDownload)'
        $run = Invoke-FreshPwsh -Script @"
Add-Type -Path '$older'
`$creds = [Amazon.Runtime.SessionAWSCredentials]::new('$($aws.AccessKey)', '$($aws.SecretKey)', 'a-session-token')
Import-Module '$(Get-BuiltModuleManifest)'
`$debug = Get-IoTJob -First 3 -Credential `$creds -EndpointUrl '$($aws.EndpointUrl)' -Region us-east-1 -Debug 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.DebugRecord]) { `$_.Message } else { "job `$(`$_.JobId)" } }
`$debug
'cores=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @($run.Output | Where-Object { $_ -like 'job job-*' }).Count | Should -Be 3
        $run.Output | Should -Contain 'Credentials: the -Credential parameter (an AWS credentials object, Amazon.Runtime.SessionAWSCredentials).'
        $run.Output | Should -Contain 'cores=2'
        ($run.Output -join "`n") | Should -Not -Match ([regex]::Escape($aws.SecretKey))
    }

    It 'refuses at binding what is neither a PSCredential nor AWS credentials' {
        { Get-IoTJob -Credential 42 @aws -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,JobTools.Commands.GetIoTJobCommand'
    }
}

Describe 'Completion of -Region and -ProfileName' {
    BeforeAll {
        $script:profiles = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "jobtools-pester-profiles-$([guid]::NewGuid().ToString('N'))")
        [void][System.IO.Directory]::CreateDirectory($profiles)
        Set-Content -Path (Join-Path $profiles 'config') -Value "[profile reporting]`nrole_arn = arn:aws:iam::123456789012:role/Reporting`nsource_profile = ops`nregion = eu-west-1"
        Set-Content -Path (Join-Path $profiles 'credentials') -Value "[ops]`naws_access_key_id = AKIDOPS`naws_secret_access_key = ops-secret-not-shown"
        Set-Content -Path (Join-Path $profiles 'other') -Value "[lab]`naws_access_key_id = AKIDLAB`naws_secret_access_key = lab-secret-not-shown"
    }

    AfterAll {
        Remove-Item -Recurse -Force $profiles -ErrorAction SilentlyContinue
    }

    It 'offers the regions with their names, and the profiles of AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, in a fresh pwsh' {
        $run = Invoke-FreshPwsh -Environment @{ AWS_CONFIG_FILE = (Join-Path $profiles 'config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path $profiles 'credentials') } -Script @"
Import-Module '$(Get-BuiltModuleManifest)'
function Tab(`$line) { (TabExpansion2 -inputScript `$line -cursorColumn `$line.Length).CompletionMatches | ForEach-Object { "`$(`$_.CompletionText) | `$(`$_.ToolTip)" } }
Tab 'Get-IoTJob -Region eu-west-'
Tab 'Get-SnowballClusterJob -ProfileName '
Tab "Get-IoTJob -ProfileLocation '$(Join-Path $profiles 'other')' -ProfileName "
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'eu-west-1 | eu-west-1: Europe (Ireland)'
        $run.Output | Should -Contain 'eu-west-3 | eu-west-3: Europe (Paris)'
        $run.Output | Should -Contain 'ops | ops: access keys'
        $run.Output | Should -Contain "reporting | reporting: assumes arn:aws:iam::123456789012:role/Reporting with the credentials of profile 'ops', region eu-west-1"
        $run.Output | Should -Contain 'lab | lab: access keys'
        @($run.Output | Where-Object { $_ -like 'ops |*' }).Count | Should -Be 1 -Because '-ProfileLocation replaces the credentials file'
        ($run.Output -join "`n") | Should -Not -Match 'not-shown'
    }
}
