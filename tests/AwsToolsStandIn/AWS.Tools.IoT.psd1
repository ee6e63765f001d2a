# The stand-in for AWS Tools for PowerShell's AWS.Tools.IoT (tests only): its name, and a Get-IOTJob cmdlet.
@{
    RootModule        = 'AWS.Tools.IoT.dll'
    ModuleVersion     = '5.0.0'
    GUID              = '0b3b6e21-64c4-4e59-9e1a-5a1f3c2d7e90'
    Description       = 'Test stand-in for AWS.Tools.IoT: exports Get-IOTJob.'
    CmdletsToExport   = @('Get-IOTJob')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
