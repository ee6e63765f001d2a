#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The Gallery round trip, as a user meets the module: the package build.ps1 -Task Package makes, published to a
# local file repository, installed with Install-PSResource into a scratch module path, imported by name in a
# fresh pwsh that sees only that path, used against the local endpoint, then uninstalled. Every pwsh here has
# a scratch HOME (PSResourceGet installs CurrentUser modules under $HOME/.local/share/powershell/Modules) and the
# same XDG_DATA_HOME (pwsh's own module path and PSResourceGet's repository list), so neither the user's modules
# nor their repositories are touched.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $script:root = Get-RepositoryRoot
    $script:version = Get-ModuleVersion
    $script:package = [System.IO.Path]::Combine($root, 'out', "JobTools.$version.nupkg")
    if (-not (Test-Path $package)) {
        throw "$package is missing: build.ps1 -Task Test makes it (build.ps1 -Task Package) before this suite runs."
    }

    $script:scratch = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "jobtools-gallery-$([guid]::NewGuid().ToString('N'))")
    $script:repository = [System.IO.Path]::Combine($scratch, 'repository')
    $script:dataHome = [System.IO.Path]::Combine($scratch, '.local', 'share')
    [void][System.IO.Directory]::CreateDirectory($repository)
    # .NET reports no LocalApplicationData for a folder that does not exist, and PSResourceGet would then keep
    # its repository list in the working directory.
    [void][System.IO.Directory]::CreateDirectory($dataHome)
    Copy-Item $package $repository
    $script:isolated = @{ XDG_DATA_HOME = $dataHome; HOME = $scratch }
    $script:modulePath = [System.IO.Path]::Combine($dataHome, 'powershell', 'Modules')
    $script:endpoint = Start-LocalAws -ArgumentList '--seed-sample-data'
}

AfterAll {
    Stop-LocalAws $script:endpoint
    if ($script:scratch -and (Test-Path $script:scratch)) { Remove-Item -Recurse -Force $script:scratch }
}

Describe 'The package' {
    It 'carries LICENSE, CHANGELOG.md and every file the manifest names' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try { $entries = $zip.Entries.FullName -replace '\\', '/' } finally { $zip.Dispose() }
        $manifest = Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'JobTools.psd1'))
        $named = @($manifest.RootModule) + $manifest.FormatsToProcess +
            'JobTools.psd1', 'JobTools.dll', 'LICENSE', 'CHANGELOG.md', 'en-US/JobTools.dll-Help.xml', 'en-US/about_JobTools.help.txt',
            'Dependencies/JobTools.Aws.dll', 'Dependencies/AWSSDK.Core.dll'
        foreach ($file in $named) { $entries | Should -Contain $file }
    }
}

Describe 'Install, import by name, use, uninstall' {
    It 'installs with Install-PSResource from a local repository' {
        $run = Invoke-FreshPwsh -Environment $isolated -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name JobToolsLocal -Uri '$repository' -Trusted
Install-PSResource -Name JobTools -Version '$version' -Repository JobToolsLocal -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource -Name JobTools).InstalledLocation
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        Test-Path ([System.IO.Path]::Combine($modulePath, 'JobTools', $version, 'JobTools.psd1')) | Should -BeTrue
    }

    It 'imports JobTools by name in a fresh pwsh that sees only the installed path, lists the seed cluster and shows help examples' {
        $aws = $endpoint.Aws
        $run = Invoke-FreshPwsh -Environment ($isolated + @{ PSModulePath = $modulePath }) -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module JobTools
"base=`$((Get-Module JobTools).ModuleBase)"
`$aws = @{ EndpointUrl = '$($aws.EndpointUrl)'; Region = 'us-east-1'; AccessKey = '$($aws.AccessKey)'; SecretKey = '$($aws.SecretKey)' }
"jobs=`$((Get-SnowballClusterJob -ClusterId CID123e4567-e89b-12d3-a456-426655440000 @aws | Where-Object JobState -eq New).Count)"
Get-Help Get-SnowballClusterJob -Examples | Out-String -Width 120
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain "base=$([System.IO.Path]::Combine($modulePath, 'JobTools', $version))"
        $run.Output | Should -Contain 'jobs=5'
        ($run.Output -join "`n") | Should -Match 'EXAMPLE 1'
    }

    It 'uninstalls with Uninstall-PSResource' {
        $run = Invoke-FreshPwsh -Environment $isolated -Script @"
`$ErrorActionPreference = 'Stop'
Uninstall-PSResource -Name JobTools -Version '$version' -Scope CurrentUser
@(Get-InstalledPSResource -Name JobTools -ErrorAction SilentlyContinue).Count
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -Be '0'
        Test-Path ([System.IO.Path]::Combine($modulePath, 'JobTools', $version)) | Should -BeFalse
    }
}
