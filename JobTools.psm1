# The root module. It loads this copy's JobTools.dll into a load context of its own and imports the cmdlets from it
# (the manifest exports them). A binary root module would go into the process's default load context, which holds one
# assembly of a name: another copy, another version or a rebuilt JobTools.dll would then fail to import, or keep
# running the code loaded first.

# Another copy or version imported into this session goes first: the engine refuses two cmdlets of one name from two
# modules of one name.
$others = Get-Module JobTools
if ($others) {
    $others | Where-Object Path -ne $PSCommandPath | Remove-Module
}

$path = [System.IO.Path]::Combine($PSScriptRoot, 'JobTools.dll')
$assembly = $null
$through = $path

# Runspaces may import at once (ForEach-Object -Parallel, thread jobs): one at a time finds or loads the build, so that
# a build is never loaded twice.
$lock = [string]::Intern('JobTools.psm1')
[System.Threading.Monitor]::Enter($lock)
try {
    # The builds of JobTools this module loaded into the process before: in another runspace, from another copy, or
    # earlier.
    $builds = foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
        if ($context.Name -ceq 'JobTools') { $context.Assemblies }
    }
    if ($builds) {
        # One assembly per build. The engine keys its cmdlet metadata on the assembly-qualified name, so two assemblies
        # of one identity would break parameter binding; the build gives each build of other sources an identity of its
        # own (the revision of its version, see src/JobTools/JobTools.csproj), and a build already loaded is imported
        # again.
        $identity = [System.Reflection.AssemblyName]::GetAssemblyName($path).FullName
        $assembly = foreach ($build in $builds) {
            if ($build.FullName -eq $identity) { $build; break }
        }

        # .NET keeps the image it read from a path for the life of the process, whatever the load context: another
        # build read through a path read before would come back as the old one. It is read through a path that differs
        # only by ./ segments, and the AWS layer, found beside it, follows.
        while ($builds.Location -contains $through) {
            $through = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($through), '.', 'JobTools.dll')
        }
    }
    if (-not $assembly) {
        $assembly = [System.Runtime.Loader.AssemblyLoadContext]::new('JobTools').LoadFromAssemblyPath($through)
    }
}
finally {
    [System.Threading.Monitor]::Exit($lock)
}
$binary = Import-Module -Assembly $assembly -PassThru

# Removing this module (Remove-Module, or the -Force of a re-import) removes the binary module with it, so that its
# cleanup runs and the next Import-Module -Assembly of this build is not taken for a module already loaded.
$ExecutionContext.SessionState.Module.OnRemove = { Remove-Module -ModuleInfo $binary }
