using System.Management.Automation;

namespace AwsToolsStandIn
{
    /// <summary>
    /// Stands in for AWS.Tools.IoT's Get-IOTJob (DescribeJob by -JobId): the same name and -JobId binding, and an answer
    /// that says it came from the stand-in, so a test can tell which module answered.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IOTJob")]
    public sealed class GetIOTJobCmdlet : PSCmdlet
    {
        /// <summary>The job to describe.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string JobId { get; set; } = string.Empty;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var answer = new PSObject();
            answer.Properties.Add(new PSNoteProperty("AnsweredBy", "AWS.Tools.IoT stand-in"));
            answer.Properties.Add(new PSNoteProperty("JobId", JobId));
            WriteObject(answer);
        }
    }
}
