#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Side by side with AWS Tools for PowerShell, in real pwsh: Get-IoTJob -JobId (DescribeJob) as AWS Tools'
# Get-IOTJob describes jobs, against the local endpoint started here in its own process.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:endpoint = Start-LocalAws -ArgumentList '--iot-jobs', '300'
    $script:aws = $endpoint.Aws
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
