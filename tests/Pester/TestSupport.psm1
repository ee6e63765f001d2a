# Shared by the Pester suites: where the built module is, the local AWS endpoint in its own process, and a
# fresh pwsh for the cases that need one (unattended runs, the Gallery round trip).

$script:Root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
$script:Version = (Import-PowerShellDataFile ([System.IO.Path]::Combine($script:Root, 'JobTools.psd1'))).ModuleVersion
$script:Configuration = if ($env:JOBTOOLS_CONFIGURATION) { $env:JOBTOOLS_CONFIGURATION } else { 'Release' }

function Get-RepositoryRoot { $script:Root }

function Get-ModuleVersion { $script:Version }

function Get-BuiltModuleManifest {
    [System.IO.Path]::Combine($script:Root, 'out', 'JobTools', $script:Version, 'JobTools.psd1')
}

<#
.SYNOPSIS
    Starts the built local AWS endpoint (tests/JobTools.LocalAws) directly, on a free loopback port.
.OUTPUTS
    An object with Process, Url, Aws (a hashtable to splat into the cmdlets) and Log (its output file).
#>
function Start-LocalAws {
    param([string[]] $ArgumentList = @())

    $name = if ($IsWindows) { 'JobTools.LocalAws.exe' } else { 'JobTools.LocalAws' }
    $program = [System.IO.Path]::Combine($script:Root, 'tests', 'JobTools.LocalAws', 'bin', $script:Configuration, 'net10.0', $name)
    if (-not (Test-Path $program)) {
        throw "The local endpoint is not built: $program is missing. Run 'dotnet build JobTools.sln -c $script:Configuration' first."
    }

    $log = [System.IO.Path]::GetTempFileName()
    # The program itself, not 'dotnet run': stopping this process stops the endpoint, and nothing else holds the
    # output. --parent-pid: it also stops when this pwsh ends, however it ends.
    $process = Start-Process -FilePath $program -ArgumentList (@('--port', '0', '--parent-pid', $PID) + $ArgumentList) -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $deadline = [datetime]::UtcNow.AddSeconds(60)
    $url = $null
    while (-not $url) {
        if ($process.HasExited) { throw "The local endpoint exited with code $($process.ExitCode): $(Get-Content -Raw $log) $(Get-Content -Raw "$log.err")" }
        if ([datetime]::UtcNow -gt $deadline) { $process.Kill(); throw "The local endpoint did not start within 60 s: $(Get-Content -Raw $log)" }
        Start-Sleep -Milliseconds 100
        $match = Select-String -Path $log -Pattern 'listening on (http://\S+)' | Select-Object -First 1
        if ($match) { $url = $match.Matches[0].Groups[1].Value }
    }

    [pscustomobject]@{
        Process = $process
        Url     = $url
        Log     = $log
        Aws     = @{
            EndpointUrl = $url
            Region      = 'us-east-1'
            AccessKey   = 'AKIDLOCALJOBTOOLS'
            SecretKey   = 'local/secret+KEY0123456789abcdefghijklmn'
        }
    }
}

function Stop-LocalAws {
    param($Endpoint)

    if ($Endpoint -and -not $Endpoint.Process.HasExited) {
        $Endpoint.Process.Kill()
        $Endpoint.Process.WaitForExit(10000) | Out-Null
    }
}

<# The requests the endpoint has answered for one operation (its control route, GET /_localaws/requests). #>
function Get-LocalAwsRequestCount {
    param($Endpoint, [string] $Operation)

    $counts = Invoke-RestMethod -Uri ($Endpoint.Url.TrimEnd('/') + '/_localaws/requests') -NoProxy
    if ($counts.PSObject.Properties[$Operation]) { [int]$counts.$Operation } else { 0 }
}

<#
.SYNOPSIS
    The job tables in formatted text, found by the dash line under their headers.
.OUTPUTS
    For each table whose first header is -FirstHeader: HeaderLines (more than one when a header wrapped), Headers,
    and Rows (an ordered hashtable of trimmed cells by header). A cell the formatter cut ends in '…'.
#>
function ConvertFrom-RenderedTable {
    param(
        [Parameter(Mandatory)] [string] $Text,
        [string] $FirstHeader = 'JobId'
    )

    $lines = $Text -replace "`r", '' -split "`n"
    $cell = {
        param([string] $line, [int[]] $starts, [int] $column)
        if ($starts[$column] -ge $line.Length) { return '' }
        $end = if ($column + 1 -lt $starts.Count) { [Math]::Min($starts[$column + 1], $line.Length) } else { $line.Length }
        $line.Substring($starts[$column], $end - $starts[$column]).Trim()
    }
    for ($dash = 1; $dash -lt $lines.Count; $dash++) {
        if ($lines[$dash] -notmatch '^-+( +-+)*\s*$') { continue }
        $top = $dash
        while ($top -gt 0 -and $lines[$top - 1].Trim()) { $top-- }
        $headerLines = @($lines[$top..($dash - 1)])
        if (-not $headerLines[0].StartsWith($FirstHeader, [StringComparison]::Ordinal)) { continue }
        [int[]] $starts = [regex]::Matches($lines[$dash], '-+') | ForEach-Object Index
        $headers = @(for ($i = 0; $i -lt $starts.Count; $i++) { & $cell $headerLines[0] $starts $i })
        $rows = for ($row = $dash + 1; $row -lt $lines.Count -and $lines[$row].Trim(); $row++) {
            $cells = [ordered]@{}
            for ($i = 0; $i -lt $starts.Count; $i++) { $cells[$headers[$i]] = & $cell $lines[$row] $starts $i }
            $cells
        }
        [pscustomobject]@{ HeaderLines = $headerLines; Headers = $headers; Rows = @($rows) }
    }
}

<#
.SYNOPSIS
    Copies the built module (out/JobTools/<version>) into a new folder, as a second copy of it, and returns the copy's manifest.
#>
function Copy-BuiltModule {
    param([Parameter(Mandatory)] [string] $Destination)

    $source = Split-Path (Get-BuiltModuleManifest)
    $target = [System.IO.Path]::Combine($Destination, 'JobTools', $script:Version)
    [void][System.IO.Directory]::CreateDirectory((Split-Path $target))
    Copy-Item -Path $source -Destination $target -Recurse
    [System.IO.Path]::Combine($target, 'JobTools.psd1')
}

<#
.SYNOPSIS
    Copies what a build of the module reads (the files at the root, en-US, the build targets, the sources of src/JobTools
    and src/JobTools.Aws) into a new folder, for a test to edit and build there; returns the folder.
#>
function Copy-ModuleSource {
    param([Parameter(Mandatory)] [string] $Destination)

    [void][System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($Destination, 'build'))
    foreach ($item in 'Directory.Build.props', 'Directory.Packages.props', 'global.json', 'JobTools.psd1', 'JobTools.psm1', 'LICENSE', 'CHANGELOG.md', 'en-US') {
        Copy-Item -Path ([System.IO.Path]::Combine($script:Root, $item)) -Destination $Destination -Recurse
    }
    Copy-Item -Path ([System.IO.Path]::Combine($script:Root, 'build', 'ReadyToRun.targets')) -Destination ([System.IO.Path]::Combine($Destination, 'build'))
    foreach ($project in 'JobTools', 'JobTools.Aws') {
        $target = [System.IO.Path]::Combine($Destination, 'src', $project)
        [void][System.IO.Directory]::CreateDirectory($target)
        Get-ChildItem -Path ([System.IO.Path]::Combine($script:Root, 'src', $project)) | Where-Object Name -NotIn 'bin', 'obj' | Copy-Item -Destination $target -Recurse
    }
    $Destination
}

<#
.SYNOPSIS
    Builds the module from a copy of its sources (Copy-ModuleSource) into that copy's out/JobTools/<version>/, as dotnet
    build does in the repository; returns the manifest.
#>
function Build-ModuleSource {
    param([Parameter(Mandatory)] [string] $Root)

    $log = & dotnet build ([System.IO.Path]::Combine($Root, 'src', 'JobTools.Aws', 'JobTools.Aws.csproj')) -c $script:Configuration -nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "dotnet build of the module in $Root failed: $($log -join "`n")" }
    $version = (Import-PowerShellDataFile ([System.IO.Path]::Combine($Root, 'JobTools.psd1'))).ModuleVersion
    [System.IO.Path]::Combine($Root, 'out', 'JobTools', $version, 'JobTools.psd1')
}

<#
.SYNOPSIS
    A scripted HTTP server on a free loopback port, for a server that misbehaves as the local endpoint does not.
.DESCRIPTION
    The handler's text runs in the server's own runspace: it gets the request number (from 1) and the
    HttpListenerRequest, and returns @{ Status = 200; Headers = @{ ... }; Body = '...' } (a JSON body).
.OUTPUTS
    An object with Url and State.Requests (the requests answered so far). Stop it with Stop-ScriptedHttpServer.
#>
function Start-ScriptedHttpServer {
    param([Parameter(Mandatory)] [scriptblock] $Handler)

    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $state = [hashtable]::Synchronized(@{ Requests = 0 })
    $shell = [powershell]::Create()
    $null = $shell.AddScript({
        param($listener, $state, [string] $handlerText)
        $handler = [scriptblock]::Create($handlerText)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $state.Requests++
            $answer = & $handler $state.Requests $context.Request
            $bytes = [System.Text.Encoding]::UTF8.GetBytes($answer.Body)
            $context.Response.StatusCode = $answer.Status
            $context.Response.ContentType = 'application/json'
            foreach ($header in $answer.Headers.GetEnumerator()) { $context.Response.Headers[$header.Key] = $header.Value }
            $context.Response.ContentLength64 = $bytes.Length
            $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $context.Response.Close()
        }
    }).AddArgument($listener).AddArgument($state).AddArgument($Handler.ToString())
    [pscustomobject]@{
        Url      = "http://127.0.0.1:$port"
        State    = $state
        Listener = $listener
        Shell    = $shell
        Pending  = $shell.BeginInvoke()
    }
}

function Stop-ScriptedHttpServer {
    param($Server)

    if ($Server) {
        $Server.Listener.Stop()
        $Server.Listener.Close()
        [void]$Server.Pending.AsyncWaitHandle.WaitOne(10000)
        $Server.Shell.Dispose()
    }
}

<#
.SYNOPSIS
    Runs a script in a fresh pwsh (-NoProfile -NonInteractive) with stdin closed, as a scheduled job does.
.OUTPUTS
    An object with ExitCode, Output (stdout and stderr lines, plain text, without blank lines) and Text (stdout as written).
#>
function Invoke-FreshPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )

    # pwsh run as a dotnet tool is 'dotnet pwsh.dll'; an installed pwsh is its own program.
    $program = [Environment]::ProcessPath
    $arguments = [System.Collections.Generic.List[string]]::new()
    if ([System.IO.Path]::GetFileNameWithoutExtension($program) -eq 'dotnet') { $arguments.Add([System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) }
    $arguments.AddRange([string[]]@('-NoProfile', '-NonInteractive', '-File'))
    $file = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "jobtools-$([guid]::NewGuid().ToString('N')).ps1")
    Set-Content -Path $file -Value $Script -Encoding utf8
    $arguments.Add($file)
    $start = [System.Diagnostics.ProcessStartInfo]::new($program, $arguments)
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['NO_COLOR'] = '1'
    foreach ($pair in $Environment.GetEnumerator()) { $start.Environment[$pair.Key] = [string]$pair.Value }
    try {
        $process = [System.Diagnostics.Process]::Start($start)
        $process.StandardInput.Close()
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEnd()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw "pwsh did not finish within 120 s: $stdout" }
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @(($stdout + $stderr.GetAwaiter().GetResult()) -split "`r?`n" | Where-Object { $_ -ne '' })
            Text     = $stdout
        }
    }
    finally {
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}

<#
.SYNOPSIS
    The AWS CLI's answer (parsed JSON) from a local endpoint, in a region, with the endpoint's keys and none of
    the user's configuration (no profile, no config or credentials file, no instance metadata).
#>
function Invoke-IsolatedAwsCli {
    param(
        [Parameter(Mandatory)] [hashtable] $Aws,
        [Parameter(Mandatory)] [string] $Region,
        [Parameter(Mandatory)] [string[]] $Arguments
    )

    $missing = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "jobtools-no-aws-config-$([guid]::NewGuid().ToString('N'))")
    $settings = [ordered]@{
        AWS_ACCESS_KEY_ID = $Aws.AccessKey; AWS_SECRET_ACCESS_KEY = $Aws.SecretKey; AWS_SESSION_TOKEN = $null; AWS_PROFILE = $null; AWS_DEFAULT_PROFILE = $null
        AWS_CONFIG_FILE = $missing; AWS_SHARED_CREDENTIALS_FILE = $missing; AWS_EC2_METADATA_DISABLED = 'true'
    }
    $saved = @{}
    foreach ($name in $settings.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        if ($null -eq $settings[$name]) { Remove-Item "Env:\$name" -ErrorAction Ignore } else { Set-Item "Env:\$name" $settings[$name] }
    }
    try { & aws @Arguments --endpoint-url $Aws.EndpointUrl --region $Region --output json | ConvertFrom-Json }
    finally {
        foreach ($name in $saved.Keys) {
            if ($null -eq $saved[$name]) { Remove-Item "Env:\$name" -ErrorAction Ignore } else { Set-Item "Env:\$name" $saved[$name] }
        }
    }
}

Export-ModuleMember -Function Get-RepositoryRoot, Get-ModuleVersion, Get-BuiltModuleManifest, Copy-BuiltModule, Copy-ModuleSource, Build-ModuleSource, Start-LocalAws, Stop-LocalAws, Get-LocalAwsRequestCount, ConvertFrom-RenderedTable, Invoke-IsolatedAwsCli, Start-ScriptedHttpServer, Stop-ScriptedHttpServer, Invoke-FreshPwsh
