# A scripted hostile HTTP server for the Pester suites: it answers every request on a loopback port with an
# error whose message echoes every request header it received (as some proxies and real
# InvalidSignatureException messages do), so that a test can prove no secret survives into any stream.

function Start-EchoingServer {
    param(
        [int] $StatusCode = 403,
        [string] $ErrorType = 'InvalidSignatureException'
    )

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $shell = [powershell]::Create()
    [void]$shell.AddScript({
        param($listener, $statusCode, $errorType)
        while ($true) {
            try { $client = $listener.AcceptTcpClient() } catch { return }
            try {
                $stream = $client.GetStream()
                $reader = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::ASCII, $false, 1024, $true)
                $headers = [System.Collections.Generic.List[string]]::new()
                $length = 0
                while (($line = $reader.ReadLine()) -ne $null -and $line -ne '') {
                    $headers.Add($line)
                    if ($line -match '^Content-Length:\s*(\d+)') { $length = [int]$Matches[1] }
                }
                if ($length -gt 0) { $buffer = [char[]]::new($length); [void]$reader.ReadBlock($buffer, 0, $length) }
                $echo = ($headers -join "`n").Replace('\', '\\').Replace('"', '\"').Replace("`n", '\n')
                $body = [System.Text.Encoding]::UTF8.GetBytes("{`"__type`":`"$errorType`",`"message`":`"The request signature we calculated does not match. The canonical request was:\n$echo`"}")
                $head = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 $statusCode Refused`r`nContent-Type: application/json`r`nx-amzn-ErrorType: $errorType`r`nx-amzn-RequestId: echo-request-1`r`nContent-Length: $($body.Length)`r`nConnection: close`r`n`r`n")
                $stream.Write($head, 0, $head.Length)
                $stream.Write($body, 0, $body.Length)
                $stream.Flush()
            }
            catch { }
            finally { $client.Dispose() }
        }
    }).AddArgument($listener).AddArgument($StatusCode).AddArgument($ErrorType)
    $pending = $shell.BeginInvoke()
    [pscustomobject]@{
        Url      = "http://127.0.0.1:$($listener.LocalEndpoint.Port)/"
        Listener = $listener
        Shell    = $shell
        Pending  = $pending
    }
}

function Stop-EchoingServer {
    param($Server)

    if ($Server) {
        $Server.Listener.Stop()
        [void]$Server.Shell.Stop()
        $Server.Shell.Dispose()
    }
}

Export-ModuleMember -Function Start-EchoingServer, Stop-EchoingServer
