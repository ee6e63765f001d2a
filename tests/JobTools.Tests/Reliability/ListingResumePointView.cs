using System.Management.Automation;

namespace JobTools.Tests.Reliability
{
    /// <summary>The resume point an error carries, read through PowerShell's view of the object.</summary>
    public sealed record ListingResumePointView(string Subject, string? NextToken, int PagesWritten, string? Region, string? ProfileName)
    {
        public static ListingResumePointView From(object target)
        {
            var item = PSObject.AsPSObject(target);
            Assert.Equal("JobTools.ListingResumePoint", item.TypeNames[0]);
            return new ListingResumePointView(
                (string)item.Properties["Subject"].Value,
                (string?)item.Properties["NextToken"].Value,
                (int)item.Properties["PagesWritten"].Value,
                (string?)item.Properties["Region"].Value,
                (string?)item.Properties["ProfileName"].Value);
        }
    }
}
