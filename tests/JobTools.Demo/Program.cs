using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using JobTools.Hosting;
using JobTools.LocalAws;

namespace JobTools.Demo
{
    /// <summary>Runs the README's examples against the local endpoint and prints them through the module's views.</summary>
    public static class Program
    {
        public static async Task<int> Main()
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            string second = SnowballStore.NewClusterId(2), third = SnowballStore.NewClusterId(3);
            endpoint.Snowball.AddGeneratedCluster(second, 180, seed: 2);
            endpoint.Snowball.AddGeneratedCluster(third, 120, seed: 3);
            endpoint.IoT.AddGenerated(400);
            endpoint.InRegion("eu-west-1").IoT.AddGenerated(250, seed: 2);
            endpoint.InRegion("ap-south-1").IoT.AddGenerated(90, seed: 3);
            Console.WriteLine($"Local AWS endpoint: {endpoint.BaseUri} (access key {LocalAwsOptions.DefaultAccessKeyId})");

            using var session = PowerShellSession.Create();
            session.SetVariable("aws", new System.Collections.Hashtable
            {
                ["EndpointUrl"] = endpoint.BaseUri.ToString(),
                ["Region"] = "us-east-1",
                ["AccessKey"] = LocalAwsOptions.DefaultAccessKeyId,
                ["SecretKey"] = LocalAwsOptions.DefaultSecretKey,
            });

            // Without a region, for the examples that name their own.
            session.SetVariable("endpoint", new System.Collections.Hashtable
            {
                ["EndpointUrl"] = endpoint.BaseUri.ToString(),
                ["AccessKey"] = LocalAwsOptions.DefaultAccessKeyId,
                ["SecretKey"] = LocalAwsOptions.DefaultSecretKey,
            });

            var examples = new List<string>
            {
                $"Get-SnowballClusterJob -ClusterId {SnowballStore.SeedClusterId} @aws | Where-Object JobState -eq New",
                $"'{second}', '{third}' | Get-SnowballClusterJob -JobState InProgress, WithCustomer -First 12 @aws",
                "Get-IoTJob -Status IN_PROGRESS -First 10 @aws",
                "Get-IoTJob -Status IN_PROGRESS -First 3 @aws | Get-IoTJob @aws",
                "Get-IoTJob -Region us-east-1, eu-west-1, ap-south-1 -Status IN_PROGRESS @endpoint | Group-Object Region -NoElement",
                "Get-IoTJob -Region us-east-1, eu-west-1, ap-south-1 -Status COMPLETED -First 6 @endpoint",
            };

            int failures = 0;
            foreach (string example in examples)
            {
                Console.WriteLine();
                Console.WriteLine("PS> " + example.Replace(" @aws", string.Empty).Replace(" @endpoint", string.Empty));
                var result = session.Run(example + " | Out-String -Width $width", new() { ["width"] = Width() });
                Console.Write(string.Concat(result.Output));
                foreach (var error in result.Errors)
                {
                    failures++;
                    Console.Error.WriteLine("ERROR: " + error);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{endpoint.Requests.All.Count} requests served; the endpoint stops now.");
            return failures == 0 ? 0 : 1;
        }

        /// <summary>The terminal's width, or 120 when the output is redirected.</summary>
        private static int Width() => Console.IsOutputRedirected ? 120 : Math.Max(80, Console.WindowWidth);
    }
}
