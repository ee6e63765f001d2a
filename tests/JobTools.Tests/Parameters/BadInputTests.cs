using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Parameters
{
    /// <summary>
    /// Bad input to either cmdlet fails while the engine binds it, before any request, naming the parameter and
    /// the allowed values or form.
    /// </summary>
    public sealed class BadInputTests
    {
        private const string Snowball = "Get-SnowballClusterJob " + SnowballStore.SeedClusterId;
        private const string Transformation = "^ParameterArgumentTransformationError";
        private const string Validation = "^ParameterArgumentValidationError";
        private const string AnyBindingError = "^(ParameterArgument|CannotConvertArgument)";

        [Theory]
        [InlineData(Snowball + " -JobState Shipped", Transformation, "JobState", "New, PreparingAppliance")]
        [InlineData(Snowball + " -JobType BACKUP", Transformation, "JobType", "IMPORT, EXPORT, LOCAL_USE")]
        [InlineData(Snowball + " -SnowballType EDGE_X", Transformation, "SnowballType", "RACK_5U_C")]
        [InlineData(Snowball + " -MaxResults 0", Validation, "MaxResults", "1")]
        [InlineData(Snowball + " -MaxResults 101", Validation, "MaxResults", "100")]
        [InlineData(Snowball + " -MaxResults -1", Validation, "MaxResults", "1")]
        [InlineData("Get-IoTJob -Status RUNNING", AnyBindingError, "Status", "IN_PROGRESS, CANCELED, COMPLETED, DELETION_IN_PROGRESS, SCHEDULED")]
        [InlineData("Get-IoTJob -TargetSelection ALL", AnyBindingError, "TargetSelection", "CONTINUOUS, SNAPSHOT")]
        [InlineData("Get-IoTJob -ThingGroupName 'my group'", AnyBindingError, "ThingGroupName", "no spaces")]
        [InlineData("Get-IoTJob -ThingGroupId 'a_b'", AnyBindingError, "ThingGroupId", "letters, digits or '-'")]
        [InlineData("Get-IoTJob -NamespaceId 'a.b'", AnyBindingError, "NamespaceId", "letters, digits, '_' or '-'")]
        [InlineData("Get-IoTJob -MaxResults 251", AnyBindingError, "MaxResults", "250")]
        [InlineData("Get-IoTJob -MaxResults 0", AnyBindingError, "MaxResults", "1")]
        [InlineData("Get-IoTJob -MaxResults abc", AnyBindingError, "MaxResults", "Int32")]
        public async Task BadInputFailsBeforeAnyRequestNamingTheParameterAndTheAllowedForm(string command, string errorId, string parameter, string allowed)
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            local.Endpoint.IoT.AddGenerated(10);

            var result = local.Run($"{command} @aws");

            var error = Assert.Single(result.Errors);
            Assert.Matches(errorId, error.FullyQualifiedErrorId);
            Assert.Contains(parameter, error.Exception.Message);
            Assert.Contains(allowed, error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(local.Endpoint.Requests.All);
        }
    }
}
