using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using JobTools.Aws.Runtime;
using JobTools.Vocabulary;

namespace JobTools.Aws.IoT
{
    /// <summary>
    /// An IoT operation in rest-json: GET on the operation's path (its {labels} filled in and encoded by the SDK)
    /// with the rest of the input as query parameters, camelCase members, maxResults and nextToken when they are set.
    /// </summary>
    internal abstract class IoTRequest<TResponse> : JobToolsRequest<TResponse>
        where TResponse : AmazonWebServiceResponse, new()
    {
        /// <summary>The job statuses, as IoT jobs are listed and described.</summary>
        protected static readonly KnownStrings Statuses = new KnownStrings(KnownValues.IoTJobStatus);

        /// <summary>The target selections, as IoT jobs are listed and described.</summary>
        protected static readonly KnownStrings TargetSelections = new KnownStrings(KnownValues.IoTTargetSelection);

        /// <summary>The operation's path, for example /jobs or /jobs/{jobId}.</summary>
        protected abstract string ResourcePath { get; }

        /// <summary>The values of the path's labels, for example ("jobId", "job-1"); none by default.</summary>
        protected virtual IEnumerable<KeyValuePair<string, string>> PathLabels => Array.Empty<KeyValuePair<string, string>>();

        internal sealed override IRequest Marshall()
        {
            IRequest request = new DefaultRequest(this, ServiceDescription.IoT.ServiceId);
            request.HttpMethod = "GET";
            request.ResourcePath = ResourcePath;
            foreach (var (label, value) in PathLabels)
            {
                request.AddPathResource("{" + label + "}", value);
            }

            request.UseQueryString = true;
            AddQuery(request.Parameters);
            Add(request.Parameters, "maxResults", MaxResults?.ToString(CultureInfo.InvariantCulture));
            Add(request.Parameters, "nextToken", NextToken);
            return request;
        }

        /// <summary>A query parameter, left out when its value is null.</summary>
        protected static void Add(IDictionary<string, string> query, string name, string? value)
        {
            if (value != null)
            {
                query.Add(name, value);
            }
        }

        /// <summary>The operation's own query parameters, added before the paging ones.</summary>
        protected virtual void AddQuery(IDictionary<string, string> query)
        {
        }

        /// <summary>A page {"listName": [items], "nextToken": "..."} of items named <paramref name="itemName"/> in messages.</summary>
        protected Page<T> ReadPage<T>(ReadOnlySpan<byte> body, string listName, string itemName, ItemReader<T> readItem) =>
            AwsJson.ReadPage(body, Operation, listName, itemName, "nextToken", readItem);
    }
}
