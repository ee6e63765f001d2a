#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the JobTools module.
.DESCRIPTION
    Thin: every task calls dotnet (or PSResourceGet for Package) and checks $LASTEXITCODE. Written with
    native commands, .NET calls and Core cmdlets only, so that it runs in a bare hosted engine too.
.PARAMETER Task
    Build (the module into out/JobTools/<version>/), Test (xunit, then Pester 5 when installed), Demo (the local
    endpoint and the examples), Package (a .nupkg under out/ that Install-PSResource accepts), Clean.
.PARAMETER Configuration
    Release (default) or Debug.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = [System.IO.Path]::Combine($root, 'JobTools.sln')
$manifestText = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($root, 'JobTools.psd1'))
$version = [regex]::Match($manifestText, "ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value
$moduleDirectory = [System.IO.Path]::Combine($root, 'out', 'JobTools', $version)

function Invoke-DotNet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

switch ($Task) {
    'Build' {
        Invoke-DotNet build $solution -c $Configuration
        if (-not [System.IO.File]::Exists([System.IO.Path]::Combine($moduleDirectory, 'JobTools.psd1'))) {
            throw "The build did not leave a module in $moduleDirectory."
        }
    }
    'Test' {
        Invoke-DotNet test $solution -c $Configuration
        if (Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 }) {
            Import-Module Pester -MinimumVersion 5.0
            $result = Invoke-Pester -Path ([System.IO.Path]::Combine($root, 'tests', 'Pester')) -Output Detailed -PassThru
            if ($result.FailedCount -gt 0) {
                throw "$($result.FailedCount) Pester tests failed."
            }
        }
        else {
            [Console]::WriteLine('Pester 5 is not installed: skipping tests/Pester (Install-PSResource Pester).')
        }
    }
    'Demo' {
        Invoke-DotNet run --project ([System.IO.Path]::Combine($root, 'tests', 'JobTools.Demo')) -c $Configuration
    }
    'Package' {
        Invoke-DotNet build $solution -c $Configuration
        if (-not (Get-Command Publish-PSResource -ErrorAction SilentlyContinue)) {
            throw 'Package needs Microsoft.PowerShell.PSResourceGet (shipped with PowerShell 7.4): Install-Module Microsoft.PowerShell.PSResourceGet.'
        }

        # Publish into a temporary local file repository, then keep the .nupkg it wrote under out/.
        $repository = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "jobtools-repo-$([guid]::NewGuid().ToString('N'))")
        $name = "JobToolsLocal$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        [void][System.IO.Directory]::CreateDirectory($repository)
        try {
            Register-PSResourceRepository -Name $name -Uri $repository -Trusted
            Publish-PSResource -Path $moduleDirectory -Repository $name
            foreach ($package in [System.IO.Directory]::GetFiles($repository, '*.nupkg')) {
                $target = [System.IO.Path]::Combine($root, 'out', [System.IO.Path]::GetFileName($package))
                [System.IO.File]::Copy($package, $target, $true)
                [Console]::WriteLine("Package: $target")
            }
            # Prove it installs: Install-PSResource from the same repository into a scratch folder.
            $scratch = [System.IO.Path]::Combine($repository, 'installed')
            [void][System.IO.Directory]::CreateDirectory($scratch)
            Save-PSResource -Name JobTools -Version $version -Repository $name -Path $scratch -TrustRepository
        }
        finally {
            Unregister-PSResourceRepository -Name $name -ErrorAction SilentlyContinue
            [System.IO.Directory]::Delete($repository, $true)
        }
    }
    'Clean' {
        Invoke-DotNet clean $solution -c $Configuration
        $out = [System.IO.Path]::Combine($root, 'out')
        if ([System.IO.Directory]::Exists($out)) {
            [System.IO.Directory]::Delete($out, $true)
        }
    }
}
