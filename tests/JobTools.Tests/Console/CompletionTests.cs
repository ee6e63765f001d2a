using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace JobTools.Tests.Console
{
    /// <summary>Completers through TabExpansion2 in the hosted engine, and called directly.</summary>
    public sealed class CompletionTests
    {
        [Theory]
        [InlineData("Get-IoTJob -Status ", "IN_PROGRESS,CANCELED,COMPLETED,DELETION_IN_PROGRESS,SCHEDULED")]
        [InlineData("Get-IoTJob -Status c", "CANCELED,COMPLETED")]
        [InlineData("Get-IoTJob -Status In", "IN_PROGRESS")]
        [InlineData("Get-IoTJob -TargetSelection ", "CONTINUOUS,SNAPSHOT")]
        [InlineData("Get-SnowballClusterJob -JobState in", "InTransitToCustomer,InTransitToAWS,InProgress")]
        [InlineData("Get-SnowballClusterJob -JobType l", "LOCAL_USE")]
        [InlineData("Get-SnowballClusterJob -SnowballType v3", "V3_5C,V3_5S")]
        [InlineData("Get-SnowballClusterJob -JobState New, com", "Complete")]
        [InlineData("Get-SnowballCluster -ClusterState ", "AwaitingQuorum,Pending,InUse,Complete,Cancelled")]
        [InlineData("Get-SnowballCluster -ClusterState c", "Complete,Cancelled")]
        [InlineData("Get-SnowballClusterJob -JobState New,", "PreparingAppliance,PreparingShipment,InTransitToCustomer,WithCustomer,InTransitToAWS,WithAWSSortingFacility,WithAWS,InProgress,Complete,Cancelled,Listing,Pending")]
        [InlineData("Get-SnowballClusterJob -JobState InTransitToAWS, 'inprogress', in", "InTransitToCustomer")]
        [InlineData("Get-SnowballClusterJob -JobT IMPORT,EXPORT,", "LOCAL_USE")]
        public void TabExpansionOffersTheKnownValuesThatMatchThePrefix(string input, string expected)
        {
            using var session = PowerShellSession.Create();

            var result = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches", new() { ["in"] = input });

            Assert.Empty(result.Errors);
            var matches = result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
            Assert.Equal(expected.Split(','), matches.Select(m => m.CompletionText));
            Assert.All(matches, m =>
            {
                Assert.Equal(CompletionResultType.ParameterValue, m.ResultType);
                Assert.True(m.ToolTip.Length > 15 && m.ToolTip != m.CompletionText, $"tooltip of {m.CompletionText}: {m.ToolTip}");
            });
        }

        [Fact]
        public void CompletersCalledDirectlyMatchCaseInsensitivelyAndExplainEachValue()
        {
            using var session = PowerShellSession.Create();

            // The completer each parameter's ArgumentCompleterFactoryAttribute creates, called without the
            // engine's completion machinery (which hides a completer's exceptions).
            var result = session.Run(@"
                function Complete($command, $parameter, $word) {
                    $factory = (Get-Command $command).Parameters[$parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterFactoryAttribute] }
                    $factory.Create().CompleteArgument($command, $parameter, $word, $null, @{})
                }
                Complete Get-IoTJob Status 'dEl'
                Complete Get-SnowballClusterJob SnowballType '''edge_c'
                Complete Get-SnowballClusterJob JobState 'zz'");

            Assert.Empty(result.Errors);
            var matches = result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
            Assert.Equal(new[] { "DELETION_IN_PROGRESS", "EDGE_C", "EDGE_CG" }, matches.Select(m => m.CompletionText));
            Assert.Contains("deleted", matches[0].ToolTip);
        }

        [Fact]
        public void CompletersCalledDirectlyLeaveOutTheValuesAlreadyGiven()
        {
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $line = 'Get-SnowballClusterJob -JobState new,Complete,'
                $ast = [System.Management.Automation.Language.Parser]::ParseInput($line, [ref]$null, [ref]$null).Find({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)
                $factory = (Get-Command Get-SnowballClusterJob).Parameters['JobState'].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterFactoryAttribute] }
                $factory.Create().CompleteArgument('Get-SnowballClusterJob', 'JobState', '', $ast, @{})");

            Assert.Empty(result.Errors);
            var offered = result.Output.Select(o => ((CompletionResult)o.BaseObject).CompletionText).ToList();
            Assert.Equal(11, offered.Count);
            Assert.DoesNotContain("New", offered);
            Assert.DoesNotContain("Complete", offered);
        }

        [Fact]
        public void WhereObjectCompletesTheOutputTypesProperties()
        {
            using var session = PowerShellSession.Create();
            string input = "Get-SnowballClusterJob -ClusterId CID123e4567-e89b-12d3-a456-426655440000 | Where-Object ";

            var result = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches.CompletionText", new() { ["in"] = input });

            Assert.Empty(result.Errors);
            var names = result.Output.Select(o => o.BaseObject.ToString()).ToList();
            Assert.Contains("JobState", names);
            Assert.Contains("CreationDate", names);
            Assert.Contains("ClusterId", names);

            var iot = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches.CompletionText", new() { ["in"] = "Get-IoTJob | Where-Object " });
            Assert.Contains("CompletedAt", iot.Output.Select(o => o.BaseObject.ToString()));
        }
    }
}
