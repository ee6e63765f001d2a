#requires -Version 7.4
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# User-level scenarios for contributors with pwsh and Pester 5: ./build.ps1 -Task Test, or
#   Invoke-Pester tests/Pester -Output Detailed
# They run the built module (out/) against the local endpoint, started here on a free loopback port.

BeforeAll {
    $root = Resolve-Path "$PSScriptRoot/../.."
    $version = [regex]::Match((Get-Content "$root/JobTools.psd1" -Raw), "ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value
    Import-Module "$root/out/JobTools/$version/JobTools.psd1" -Force

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $script:endpoint = Start-Process dotnet -ArgumentList @('run', '--project', "$root/tests/JobTools.LocalAws", '-c', 'Release', '--', '--port', $port, '--seed-sample-data', '--snowball-jobs', '250', '--iot-jobs', '300') -PassThru -RedirectStandardOutput ([System.IO.Path]::GetTempFileName())
    $script:aws = @{
        EndpointUrl = "http://127.0.0.1:$port/"
        Region      = 'us-east-1'
        AccessKey   = 'AKIDLOCALJOBTOOLS'
        SecretKey   = 'local/secret+KEY0123456789abcdefghijklmn'
    }
    $deadline = (Get-Date).AddSeconds(60)
    do {
        Start-Sleep -Milliseconds 300
        $ready = Test-Connection -TargetName 127.0.0.1 -TcpPort $port -Quiet -ErrorAction SilentlyContinue
    } until ($ready -or (Get-Date) -gt $deadline)
}

AfterAll {
    if ($script:endpoint -and -not $script:endpoint.HasExited) { Stop-Process -Id $script:endpoint.Id -Force }
    Remove-Module JobTools -ErrorAction SilentlyContinue
}

Describe 'JobTools' {
    It 'exports the two cmdlets' {
        (Get-Command -Module JobTools).Name | Sort-Object | Should -Be @('Get-IoTJob', 'Get-SnowballClusterJob')
    }

    It 'lists the seed cluster' {
        $jobs = Get-SnowballClusterJob -ClusterId CID123e4567-e89b-12d3-a456-426655440000 @aws
        $jobs.Count | Should -Be 5
        $jobs[0].Description | Should -Be 'MyClustrer-node-001'
        $jobs[0].CreationDate | Should -Be ([datetime]::new(2016, 11, 30, 3, 12, 4, 335, 'Utc'))
    }

    It 'filters with Where-Object JobState -eq New' {
        (Get-SnowballClusterJob CID123e4567-e89b-12d3-a456-426655440000 @aws | Where-Object JobState -eq New).Count | Should -Be 5
    }

    It 'pages through a generated cluster and stops early with Select-Object -First' {
        (Get-SnowballClusterJob CID00000001-0000-4000-8000-000000000001 @aws).Count | Should -Be 250
        (Get-SnowballClusterJob CID00000001-0000-4000-8000-000000000001 @aws | Select-Object -First 3).Count | Should -Be 3
    }

    It 'lists IoT jobs by status' {
        Get-IoTJob -Status in_progress @aws | ForEach-Object { $_.Status | Should -Be 'IN_PROGRESS' }
    }

    It 'completes -Status with TabExpansion2' {
        $line = 'Get-IoTJob -Status C'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('CANCELED', 'COMPLETED')
    }

    It 'has help with examples for every cmdlet' {
        foreach ($name in 'Get-SnowballClusterJob', 'Get-IoTJob') {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
        }
    }
}
