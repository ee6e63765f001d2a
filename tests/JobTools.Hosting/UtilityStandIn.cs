using System.IO;

namespace JobTools.Hosting
{
    /// <summary>
    /// The bare engine package has no Microsoft.PowerShell.Utility, but member completion (Where-Object &lt;Tab&gt;)
    /// ends in Microsoft.PowerShell.Utility\Sort-Object -Property ResultType,ListItemText -Unique. This writes a
    /// small stand-in module of that name exporting only Sort-Object.
    /// </summary>
    internal static class UtilityStandIn
    {
        private const string Script = @"
function Sort-Object {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] $InputObject,
        [Parameter(Position = 0)] [string[]] $Property,
        [switch] $Unique,
        [switch] $Descending
    )
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end {
        $keyed = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $items) {
            $key = if ($Property) { ($Property | ForEach-Object { [string]$item.$_ }) -join [char]0 } else { [string]$item }
            $keyed.Add([pscustomobject]@{ Key = $key; Item = $item })
        }
        $keyed.Sort([Comparison[object]] { param($a, $b) [string]::CompareOrdinal($a.Key, $b.Key) })
        if ($Descending) { $keyed.Reverse() }
        $seen = [System.Collections.Generic.HashSet[string]]::new()
        foreach ($entry in $keyed) { if (-not $Unique -or $seen.Add($entry.Key)) { $entry.Item } }
    }
}
Export-ModuleMember -Function Sort-Object
";

        public static string ModulePath { get; } = Write();

        private static string Write()
        {
            string directory = Path.Combine(Path.GetTempPath(), "jobtools-utility-standin", "Microsoft.PowerShell.Utility");
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, "Microsoft.PowerShell.Utility.psm1");
            File.WriteAllText(path, Script);
            return path;
        }
    }
}
