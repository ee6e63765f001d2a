@{
    RootModule             = 'JobTools.psm1'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d0f5a57-6a3e-4f4c-9a58-2f0b1f7c9e41'
    Author                 = 'JobTools developers'
    CompanyName            = 'JobTools'
    Copyright              = '(c) 2026 JobTools developers. Apache-2.0.'
    Description            = 'Lists AWS Snowball cluster jobs and AWS IoT jobs as typed, streaming PowerShell objects, with automatic paging, completers and format views.'
    CompatiblePSEditions   = @('Core')
    PowerShellVersion      = '7.6'
    FormatsToProcess       = @('JobTools.Format.ps1xml')
    CmdletsToExport        = @('Get-SnowballClusterJob', 'Get-SnowballCluster', 'Get-IoTJob')
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('AWS', 'Snowball', 'IoT', 'Jobs', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = 'https://github.com/jobtools/JobTools'
            LicenseUri   = 'https://github.com/jobtools/JobTools/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release: Get-SnowballClusterJob and Get-IoTJob with automatic paging, filters, completers, format views and an isolated AWSSDK.Core. See CHANGELOG.md.'
        }
    }
}
