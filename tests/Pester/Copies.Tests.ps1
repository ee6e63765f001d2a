#requires -Version 7.6
#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Several copies and versions of JobTools in one pwsh, as a user meets them: a build beside an installed copy, the edit,
# build and re-import loop (Import-Module -Force after dotnet build into the folder of the loaded copy), and two
# versions side by side in one module path (JobTools/<version> and JobTools/<next>, the second's JobTools.dll built as
# that version, its views and help edited so that they can be told apart). Each case runs in a fresh pwsh against the
# local endpoint started here in its own process.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $script:endpoint = Start-LocalAws -ArgumentList '--seed-sample-data', '--iot-jobs', '40'
    $script:aws = $endpoint.Aws
    $script:seed = 'CID123e4567-e89b-12d3-a456-426655440000'
    $script:version = Get-ModuleVersion
    $built = [version]$version
    $script:next = '{0}.{1}.{2}' -f $built.Major, $built.Minor, ($built.Build + 1)

    # The edit, in a copy of the sources: a word in the message about a -ClusterId that is not one.
    function script:Edit-Source([string] $Root) {
        $file = [System.IO.Path]::Combine($Root, 'src', 'JobTools', 'Commands', 'GetSnowballClusterJobCommand.cs')
        (Get-Content -Raw $file).Replace('39 characters in all', '39 characters in all (edited)') | Set-Content $file -NoNewline
    }
    $edited = Copy-ModuleSource -Destination (Join-Path $TestDrive 'edited-source')
    Edit-Source $edited
    $script:editedBuild = Build-ModuleSource -Root $edited

    # Two versions in one module path: the built one, and the next one built from the same sources, whose views and help
    # say which they are.
    $script:modulePath = Join-Path $TestDrive 'modules'
    $script:first = Copy-BuiltModule -Destination $modulePath
    $source = Copy-ModuleSource -Destination (Join-Path $TestDrive 'next-source')
    $manifest = Join-Path $source 'JobTools.psd1'
    (Get-Content -Raw $manifest) -replace "ModuleVersion(\s*)= '[^']*'", "ModuleVersion`$1= '$next'" | Set-Content $manifest -NoNewline
    $format = [System.IO.Path]::Combine($source, 'src', 'JobTools', 'JobTools.Format.ps1xml')
    (Get-Content -Raw $format).Replace('<Label>JobState</Label>', '<Label>State</Label>') | Set-Content $format -NoNewline
    $help = [System.IO.Path]::Combine($source, 'en-US', 'JobTools.dll-Help.xml')
    (Get-Content -Raw $help).Replace('<maml:para>Lists AWS IoT jobs (ListJobs)', "<maml:para>($next) Lists AWS IoT jobs (ListJobs)") | Set-Content $help -NoNewline
    Copy-Item -Path (Split-Path (Build-ModuleSource -Root $source)) -Destination ([System.IO.Path]::Combine($modulePath, 'JobTools')) -Recurse
    $script:second = [System.IO.Path]::Combine($modulePath, 'JobTools', $next, 'JobTools.psd1')

    # The start of every script: the endpoint's settings, one line that says which JobTools answers, and whether its
    # code has the edit.
    $script:session = @"
`$ErrorActionPreference = 'Stop'
`$aws = @{ EndpointUrl = '$($aws.EndpointUrl)'; Region = 'us-east-1'; AccessKey = '$($aws.AccessKey)'; SecretKey = '$($aws.SecretKey)' }
function Show-JobTools([string] `$Label) {
    `$code = (Get-Command Get-IoTJob).ImplementingType.Assembly
    `$edited = try { `$null = Get-SnowballClusterJob -ClusterId not-a-cluster @aws; 'no error' } catch { `$_.Exception.Message.Contains('(edited)') }
    "`$Label module=`$((Get-Module JobTools).Version -join ',') from=`$((Get-Module JobTools).ModuleBase -join ',') code=`$(`$code.GetName().Version.ToString(3)) edited=`$edited iot=`$(@(Get-IoTJob -First 3 @aws).Count)"
}
"@
}

AfterAll {
    Stop-LocalAws $script:endpoint
}

Describe 'A second copy' {
    It 'replaces an installed copy on Import-Module -Force: another build runs its own code, the same build the code loaded first' {
        $installed = Copy-BuiltModule -Destination (Join-Path $TestDrive 'installed')
        $built = Get-BuiltModuleManifest
        $run = Invoke-FreshPwsh -Script @"
$session
Import-Module '$installed'
Show-JobTools installed
Import-Module '$editedBuild' -Force
Show-JobTools other
"layer=`$(([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'JobTools.Aws' }).Location -join ',')"
Import-Module '$built' -Force
Show-JobTools built
"at=`$((Get-Command Get-IoTJob).ImplementingType.Assembly.Location)"
Import-Module '$built' -Force
Show-JobTools again
"snowball=`$(@(Get-SnowballClusterJob $seed @aws).Count)"
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain "installed module=$version from=$(Split-Path $installed) code=$version edited=False iot=3"
        $run.Output | Should -Contain "other module=$version from=$(Split-Path $editedBuild) code=$version edited=True iot=3"
        $run.Output | Should -Contain "layer=$([System.IO.Path]::Combine((Split-Path $installed), 'Dependencies', 'JobTools.Aws.dll')),$([System.IO.Path]::Combine((Split-Path $editedBuild), 'Dependencies', 'JobTools.Aws.dll'))"
        $run.Output | Should -Contain "built module=$version from=$(Split-Path $built) code=$version edited=False iot=3"
        $run.Output | Should -Contain "at=$([System.IO.Path]::Combine((Split-Path $installed), 'JobTools.dll'))" -Because 'the installed copy is the same build, loaded first'
        $run.Output | Should -Contain "again module=$version from=$(Split-Path $built) code=$version edited=False iot=3"
        $run.Output | Should -Contain 'snowball=5'
    }

    It 'loads a build once when runspaces import it at the same time, so that they share its types' {
        $run = Invoke-FreshPwsh -Script @"
$session
`$types = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel { Import-Module '$(Get-BuiltModuleManifest)'; (Get-Command Get-IoTJob).ImplementingType }
Import-Module '$(Get-BuiltModuleManifest)'
"differ=`$(@(`$types | Where-Object { -not [object]::ReferenceEquals(`$_, (Get-Command Get-IoTJob).ImplementingType) }).Count) of `$(`$types.Count)"
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'differ=0 of 4'
    }

    It 'shows an edited view after Import-Module -Force from the same folder' {
        $copy = Copy-BuiltModule -Destination (Join-Path $TestDrive 'edited-view')
        $format = Join-Path (Split-Path $copy) 'JobTools.Format.ps1xml'
        $run = Invoke-FreshPwsh -Script @"
$session
Import-Module '$copy'
(Get-SnowballClusterJob $seed -First 1 @aws | Out-String -Width 80).Trim().Split("``n")[0]
(Get-Content -Raw '$format').Replace('<Label>JobState</Label>', '<Label>State</Label>') | Set-Content '$format'
Import-Module '$copy' -Force
(Get-SnowballClusterJob $seed -First 1 @aws | Out-String -Width 80).Trim().Split("``n")[0]
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $headers = @($run.Output | Where-Object { $_.StartsWith('JobId ') })
        $headers | Should -HaveCount 2
        $headers[0] | Should -Match '^JobId +JobState +Created \(UTC\)$'
        $headers[1] | Should -Match '^JobId +State +Created \(UTC\)$'
    }
}

Describe 'Edit, build and re-import' {
    It 'runs the edited code after dotnet build into the folder of the loaded copy and Import-Module -Force' {
        $root = Copy-ModuleSource -Destination (Join-Path $TestDrive 'loop')
        $loop = Build-ModuleSource -Root $root
        $run = Invoke-FreshPwsh -Script @"
$session
Import-Module '$PSScriptRoot/TestSupport.psm1'
function Edit-Source {$(${function:Edit-Source})}
Import-Module '$loop'
Show-JobTools loaded
Edit-Source '$root'
`$null = Build-ModuleSource -Root '$root'
Import-Module '$loop' -Force
Show-JobTools rebuilt
Import-Module '$loop' -Force
Show-JobTools again
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain "loaded module=$version from=$(Split-Path $loop) code=$version edited=False iot=3"
        $run.Output | Should -Contain "rebuilt module=$version from=$(Split-Path $loop) code=$version edited=True iot=3"
        $run.Output | Should -Contain "again module=$version from=$(Split-Path $loop) code=$version edited=True iot=3"
    }
}

Describe 'Two versions side by side' {
    BeforeAll {
        $script:byName = @{ PSModulePath = $modulePath }
    }

    It 'switches with Import-Module -RequiredVersion -Force and back after Remove-Module, each version with its own code and AWS layer' {
        $run = Invoke-FreshPwsh -Environment $byName -Script @"
$session
Import-Module JobTools -RequiredVersion $version
Show-JobTools first
Import-Module JobTools -RequiredVersion $next -Force
Show-JobTools second
"layer=`$(([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'JobTools.Aws' }).Location -join ',')"
Remove-Module JobTools
"removed=`$(@(Get-Module JobTools).Count)"
Import-Module JobTools -RequiredVersion $version
Show-JobTools back
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain "first module=$version from=$(Split-Path $first) code=$version edited=False iot=3"
        $run.Output | Should -Contain "second module=$next from=$(Split-Path $second) code=$next edited=False iot=3"
        $layers = (@($run.Output | Where-Object { $_.StartsWith('layer=') })[0] -replace '^layer=').Split(',')
        $layers | Should -Be ([System.IO.Path]::Combine((Split-Path $first), 'Dependencies', 'JobTools.Aws.dll')), ([System.IO.Path]::Combine((Split-Path $second), 'Dependencies', 'JobTools.Aws.dll'))
        $run.Output | Should -Contain 'removed=0'
        $run.Output | Should -Contain "back module=$version from=$(Split-Path $first) code=$version edited=False iot=3"
    }

    It 'finds the help, views and completers of the version switched to' {
        $run = Invoke-FreshPwsh -Environment $byName -Script @"
$session
function Complete([string] `$Line) {
    # Tab again while a live answer is pending, as a user would: the first request of a process can outlast the budget.
    foreach (`$try in 1..600) {
        `$before = @(`$JobToolsCompletionDiagnostics)[-1]
        `$offered = (TabExpansion2 -inputScript `$Line -cursorColumn `$Line.Length).CompletionMatches.CompletionText
        `$after = @(`$JobToolsCompletionDiagnostics)[-1]
        if (`$null -eq `$after -or [object]::ReferenceEquals(`$before, `$after) -or `$after.Outcome -ne 'Pending') { break }
        Start-Sleep -Milliseconds 100
    }
    `$offered -join ','
}
Import-Module JobTools -RequiredVersion $version
`$null = Get-Help Get-IoTJob
`$null = Complete 'Get-SnowballClusterJob @aws -ClusterId CID1'
Import-Module JobTools -RequiredVersion $next -Force
"commands=`$((Get-Command -Module JobTools).Name -join ',')"
"synopsis=`$((Get-Help Get-IoTJob).Synopsis)"
"examples=`$(@((Get-Help Get-SnowballClusterJob -Examples).examples.example).Count)"
"about=`$((Get-Help about_JobTools).Name)"
(Get-SnowballClusterJob $seed -First 1 @aws | Out-String -Width 80).Trim().Split("``n")[0]
"status=`$(Complete 'Get-IoTJob -Status C')"
"region=`$(Complete 'Get-IoTJob -Region eu-west-')"
"cluster=`$(Complete 'Get-SnowballClusterJob @aws -ClusterId CID1')"
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'commands=Get-IoTJob,Get-SnowballCluster,Get-SnowballClusterJob'
        $run.Output | Should -Contain "synopsis=($next) Lists AWS IoT jobs (ListJobs), filtered by status, target selection, thing group and namespace."
        $run.Output | Where-Object { $_ -match '^examples=(\d+)$' -and [int]$Matches[1] -ge 2 } | Should -HaveCount 1
        $run.Output | Should -Contain 'about=about_JobTools'
        $run.Output | Where-Object { $_ -match '^JobId +State +Created \(UTC\)$' } | Should -HaveCount 1
        $run.Output | Should -Contain 'status=CANCELED,COMPLETED'
        $run.Output | Should -Contain 'region=eu-west-1,eu-west-2,eu-west-3'
        $run.Output | Should -Contain "cluster=$seed"
    }

    It 'keeps a type literal on the copy it was first resolved to, for the life of the process; type names follow the switch' {
        $run = Invoke-FreshPwsh -Environment $byName -Script @"
$session
Import-Module JobTools -RequiredVersion $version
"literal=`$([JobTools.IoTJob].Assembly.GetName().Version.ToString(3))"
Import-Module JobTools -RequiredVersion $next -Force
`$job = Get-IoTJob -First 1 @aws
"literal=`$([JobTools.IoTJob].Assembly.GetName().Version.ToString(3)) job=`$(`$job.GetType().Assembly.GetName().Version.ToString(3)) is=`$(`$job -is [JobTools.IoTJob]) typename=`$(`$job.PSObject.TypeNames[0])"
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain "literal=$version"
        $run.Output | Should -Contain "literal=$version job=$next is=False typename=JobTools.IoTJob"
    }
}

Describe 'Removal' {
    BeforeAll {
        $configuration = if ($env:JOBTOOLS_CONFIGURATION) { $env:JOBTOOLS_CONFIGURATION } else { 'Release' }
        $script:standIn = [System.IO.Path]::Combine((Get-RepositoryRoot), 'tests', 'AwsToolsStandIn', 'bin', $configuration, 'net10.0', 'AWS.Tools.IoT.psd1')
    }

    It 'runs the cleanup of the copy on Remove-Module: no word about JobTools once it is gone' {
        $run = Invoke-FreshPwsh -Script @"
$session
Import-Module '$(Get-BuiltModuleManifest)'
Import-Module '$standIn'
Remove-Module JobTools
"answered=`$((Get-IoTJob job-1).AnsweredBy) commands=`$(@(Get-Command -Module JobTools -ErrorAction SilentlyContinue).Count)"
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'answered=AWS.Tools.IoT stand-in commands=0'
        @($run.Output | Where-Object { $_ -like 'WARNING:*' }) | Should -HaveCount 0
    }

    It 'says once which module answers when one copy replaced another: the replaced copy says nothing' {
        $other = Copy-BuiltModule -Destination (Join-Path $TestDrive 'other')
        $run = Invoke-FreshPwsh -Script @"
$session
Import-Module '$(Get-BuiltModuleManifest)'
Import-Module '$other'
Import-Module '$standIn'
1..2 | ForEach-Object { "answered=`$((Get-IoTJob job-1).AnsweredBy)" }
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @($run.Output | Where-Object { $_ -eq 'answered=AWS.Tools.IoT stand-in' }) | Should -HaveCount 2
        $warnings = @($run.Output | Where-Object { $_ -like 'WARNING:*' })
        $warnings | Should -HaveCount 1
        $warnings[0] | Should -BeLike "*AWS.Tools.IoT's Get-IOTJob here, not JobTools' Get-IoTJob*"
    }
}
