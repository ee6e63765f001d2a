#requires -Version 7.6
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the JobTools module.
.DESCRIPTION
    Run it with the pwsh the project pins (.config/dotnet-tools.json):
        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
    Every task calls dotnet or PSResourceGet and checks the result.
.PARAMETER Task
    Build: the module into out/JobTools/<version>/.
    Test: the xunit suites, then the package (as Package), then the Pester suites in this pwsh: the user-level
    suite and the Gallery round trip. Prints the Pester summary; fails if any test fails.
    Demo: the local endpoint and the README's examples.
    Package: out/JobTools.<version>.nupkg, published by Publish-PSResource into a local repository.
    Clean: removes the build output.
.PARAMETER Configuration
    Release (default) or Debug.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
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
$solution = Join-Path $root 'JobTools.sln'
$version = (Import-PowerShellDataFile (Join-Path $root 'JobTools.psd1')).ModuleVersion
$out = Join-Path $root 'out'
$moduleDirectory = Join-Path $out 'JobTools' $version

function Invoke-DotNet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Build-Module {
    Invoke-DotNet build $solution -c $Configuration
    if (-not (Test-Path (Join-Path $moduleDirectory 'JobTools.psd1'))) {
        throw "The build did not leave a module in $moduleDirectory."
    }
}

# Publishes the built module into a temporary local repository and keeps the .nupkg under out/.
function New-ModulePackage {
    $repository = Join-Path ([System.IO.Path]::GetTempPath()) "jobtools-repo-$([guid]::NewGuid().ToString('N'))"
    $name = "JobToolsLocal$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    [void][System.IO.Directory]::CreateDirectory($repository)
    try {
        Register-PSResourceRepository -Name $name -Uri $repository -Trusted
        Publish-PSResource -Path $moduleDirectory -Repository $name
        $package = Get-ChildItem -Path $repository -Filter '*.nupkg' | Select-Object -First 1
        $target = Join-Path $out $package.Name
        Copy-Item $package.FullName $target -Force
        "Package: $target"
    }
    finally {
        Unregister-PSResourceRepository -Name $name -ErrorAction SilentlyContinue
        Remove-Item -Recurse -Force $repository -ErrorAction SilentlyContinue
    }
}

function Invoke-PesterSuites {
    # Pester comes from NuGet (build/TestTools.csproj lays it out under out/modules), never from the Gallery.
    Invoke-DotNet build (Join-Path $root 'build' 'TestTools.csproj') -c $Configuration
    $env:PSModulePath = (Join-Path $out 'modules') + [System.IO.Path]::PathSeparator + $env:PSModulePath
    $env:JOBTOOLS_CONFIGURATION = $Configuration
    Import-Module Pester -MinimumVersion 5.0 -MaximumVersion 5.999
    $pester = New-PesterConfiguration
    $pester.Run.Path = @(
        (Join-Path $root 'tests' 'Pester' 'JobTools.Tests.ps1'),
        (Join-Path $root 'tests' 'Pester' 'Secrets.Tests.ps1'),
        (Join-Path $root 'tests' 'Pester' 'Discovery.Tests.ps1'),
        (Join-Path $root 'tests' 'Pester' 'FanOut.Tests.ps1'),
        (Join-Path $root 'tests' 'Pester' 'SideBySide.Tests.ps1'),
        (Join-Path $root 'tests' 'Pester' 'Copies.Tests.ps1'),
        (Join-Path $root 'tests' 'Pester' 'Gallery.Tests.ps1')
    )
    $pester.Run.PassThru = $true
    $pester.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $pester
    "Pester $((Get-Module Pester).Version): $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped, $($result.NotRunCount) not run."
    if ($result.Result -ne 'Passed') {
        throw "The Pester suites failed: $($result.FailedCount) failed, $($result.FailedBlocksCount) blocks and $($result.FailedContainersCount) files could not run."
    }
}

switch ($Task) {
    'Build' {
        Build-Module
    }
    'Test' {
        Invoke-DotNet test $solution -c $Configuration
        New-ModulePackage
        Invoke-PesterSuites
    }
    'Demo' {
        Invoke-DotNet run --project (Join-Path $root 'tests' 'JobTools.Demo') -c $Configuration
    }
    'Package' {
        Build-Module
        New-ModulePackage
    }
    'Clean' {
        Invoke-DotNet clean $solution -c $Configuration
        if (Test-Path $out) {
            Remove-Item -Recurse -Force $out
        }
    }
}
