#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Fan-out as a user meets it in real pwsh: one call over several regions, or several clusters, against a local
# endpoint in its own process that serves each region its own data and refuses one (ap-east-1, as an opt-in region
# that is not enabled), checked job by job against the AWS CLI, with its views rendered at 80 and 120 columns.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:regions = 'us-east-1', 'eu-west-1', 'ap-south-1'
    $script:endpoint = Start-LocalAws -ArgumentList '--regions', ($regions -join ','), '--iot-jobs', '260', '--snowball-clusters', '3', '--refuse-region', 'ap-east-1'
    $script:aws = $endpoint.Aws.Clone()
    $aws.Remove('Region')
}

AfterAll {
    Stop-LocalAws $script:endpoint
    Remove-Module JobTools -ErrorAction SilentlyContinue
}

Describe 'Several regions in one call' {
    It 'lists each region exactly as the AWS CLI lists it, and each job says its region and account' {
        $jobs = @(Get-IoTJob @aws -Region $regions -MaxResults 100)
        $jobs | Should -HaveCount (3 * 260)
        foreach ($region in $regions) {
            $expected = (Invoke-IsolatedAwsCli $aws $region iot, list-jobs).jobs
            $listed = @($jobs | Where-Object Region -EQ $region)
            $listed.JobId | Should -Be $expected.jobId
            $listed.JobArn | Should -Be $expected.jobArn
            $listed | ForEach-Object { $_.JobArn.Split(':')[3] | Should -Be $region }
        }
        ($jobs.AccountId | Sort-Object -Unique) | Should -Be '123456789012'
        ($jobs | Group-Object Region | Sort-Object Name).Name | Should -Be ($regions | Sort-Object)
    }

    It 'makes a refused region an error of its own, naming it, and lists the others' {
        $jobs = @(Get-IoTJob @aws -Region us-east-1, ap-east-1, eu-west-1 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $jobs | Should -HaveCount (2 * 260)
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'UnrecognizedClientException,JobTools.Commands.GetIoTJobCommand'
        $failed[0].Exception.Message | Should -BeLike 'IoT jobs in ap-east-1: *'
        $failed[0].TargetObject.Region | Should -Be 'ap-east-1'
    }

    It 'stops a script at a refused region with -ErrorAction Stop, naming the region' {
        $caught = $null
        try { Get-IoTJob @aws -Region us-east-1, ap-east-1 -ErrorAction Stop | Out-Null } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.Message | Should -BeLike 'IoT jobs in ap-east-1: *'
    }

    It 'names the source on every verbose line and gives each source its count' {
        $lines = @(Get-IoTJob @aws -Region $regions -MaxResults 100 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $summary = $lines[-1]
        $summary | Should -Match '^Listed 780 jobs from 3 sources \(0 failed\): 9 pages, 9 requests, 0 retries, \d+ ms\.$'
        $lines[0..($lines.Count - 2)] | ForEach-Object { $_ | Should -Match 'IoT jobs in (us-east-1|eu-west-1|ap-south-1)' }
        foreach ($region in $regions) { $lines | Should -Contain "Done: IoT jobs in ${region}: 260 jobs from 3 pages." }
    }

    It 'renders the Source table whole at <_> columns' -ForEach 80, 120 {
        $width = $_
        $text = Get-IoTJob @aws -Region $regions | Out-String -Width $width
        ($text -split "`r?`n") | ForEach-Object { $_.Length | Should -BeLessOrEqual $width }
        $tables = @(ConvertFrom-RenderedTable $text -FirstHeader Source)
        $tables | Should -HaveCount 1
        $tables[0].Headers | Should -Be @(if ($width -eq 80) { 'Source', 'JobId', 'Status' } else { 'Source', 'JobId', 'Status', 'Created (UTC)', 'Completed (UTC)' })
        $tables[0].Rows | Should -HaveCount 780
        ($tables[0].Rows.Source | Sort-Object -Unique) | Should -Be ($regions | Sort-Object)
        $tables[0].Rows | ForEach-Object { $_.JobId | Should -Not -BeLike '*…' }
    }
}

Describe 'Several clusters in one call' {
    It 'takes each piped cluster up in its region and lists it exactly' {
        $clusters = @(Get-SnowballCluster @aws -Region eu-west-1, ap-south-1)
        $clusters | Should -HaveCount 6
        $jobs = @($clusters | Get-SnowballClusterJob @aws)
        foreach ($cluster in $clusters) {
            $expected = (Invoke-IsolatedAwsCli $aws $cluster.Region snowball, list-cluster-jobs, --cluster-id, $cluster.ClusterId).JobListEntries
            @($jobs | Where-Object ClusterId -EQ $cluster.ClusterId).JobId | Should -Be $expected.JobId
            ($jobs | Where-Object ClusterId -EQ $cluster.ClusterId).Region | Sort-Object -Unique | Should -Be $cluster.Region
        }
    }

    It 'renders three clusters listed at once in one table at 120 columns, ClusterId first' {
        $text = Get-SnowballCluster @aws -Region eu-west-1 | Get-SnowballClusterJob @aws | Out-String -Width 120
        ($text -split "`r?`n") | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $tables = @(ConvertFrom-RenderedTable $text -FirstHeader ClusterId)
        $tables | Should -HaveCount 1
        $tables[0].Headers | Should -Be 'ClusterId', 'JobId', 'JobState', 'Created (UTC)'
        $tables[0].Rows | Should -HaveCount 9
        ($tables[0].Rows.ClusterId | Sort-Object -Unique) | Should -HaveCount 3
        $tables[0].Rows | ForEach-Object { $_.ClusterId | Should -Match '^CID[0-9a-f-]{36}$'; $_.JobId | Should -Match '^JID[0-9a-f-]{36}$' }
    }
}
