#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and demonstrates the JobTools module. Thin: every task calls dotnet and checks $LASTEXITCODE.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-DotNet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

switch ($Task) {
    'Build' {
        Invoke-DotNet build (Join-Path $root 'JobTools.sln') -c $Configuration
    }
    'Test' {
        Invoke-DotNet test (Join-Path $root 'JobTools.sln') -c $Configuration
    }
    'Demo' {
        Invoke-DotNet run --project (Join-Path $root 'tests/JobTools.Demo') -c $Configuration
    }
    'Clean' {
        Invoke-DotNet clean (Join-Path $root 'JobTools.sln') -c $Configuration
        $out = Join-Path $root 'out'
        if (Test-Path -LiteralPath $out) {
            Remove-Item -LiteralPath $out -Recurse -Force
        }
    }
}
