#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# No secret in any stream, error, $Error, Get-Error, transcript or -Debug output, whatever a server sends back:
# here a server that echoes every header it receives (the signed Authorization header and the session token
# among them) into its error message.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/HostileServer.psm1" -Force
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:server = Start-EchoingServer
    $script:secret = 'echo/Secret+KEY0123456789abcdefghijklmnop'
    $script:token = 'IQoJb3JpZ2luX2VjEchoSessionToken0123456789abcdefghijklmnopqrstuvwxyz=='
    $script:leaks = @(
        [regex]::Escape($secret),
        [regex]::Escape($token),
        'Signature=[0-9a-f]{16}'
    )
}

AfterAll {
    Stop-EchoingServer $script:server
    Remove-Module JobTools -ErrorAction SilentlyContinue
}

Describe 'Secrets against a server that echoes every header' {
    It 'leak nothing from <_> into any stream, $Error, Get-Error, the transcript or -Debug output' -ForEach 'Get-IoTJob', 'Get-SnowballClusterJob' {
        $command = $_
        $arguments = @{
            EndpointUrl  = $server.Url
            Region       = 'us-east-1'
            AccessKey    = 'AKIDECHOJOBTOOLS'
            SecretKey    = $secret
            SessionToken = $token
            MaxRetries   = 0
            Verbose      = $true
            Debug        = $true
        }
        if ($command -eq 'Get-SnowballClusterJob') { $arguments.ClusterId = 'CID123e4567-e89b-12d3-a456-426655440000' }
        $transcript = [System.IO.Path]::GetTempFileName()
        $Error.Clear()
        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            $records = [System.Collections.Generic.List[object]]::new()
            try { & $command @arguments -ErrorAction Continue *>&1 | ForEach-Object { $records.Add($_) } }
            catch { $records.Add($_) }
            $streams = $records | Out-String -Width 400
            $getError = Get-Error | Out-String -Width 400
            $errors = $Error | ForEach-Object { ($_ | Format-List * -Force | Out-String -Width 400) + $_.Exception.ToString() + $_.ErrorDetails + ($_.TargetObject | Out-String) }
        }
        finally {
            Stop-Transcript | Out-Null
        }

        $Error.Count | Should -BeGreaterThan 0 -Because 'the server refuses every request'
        $everything = @($streams, $getError, ($errors -join "`n"), (Get-Content -Raw $transcript)) -join "`n"
        $everything | Should -Match 'InvalidSignatureException' -Because 'the error names the AWS error code'
        foreach ($leak in $leaks) {
            $everything | Should -Not -Match $leak
        }
        Remove-Item $transcript
    }
}
