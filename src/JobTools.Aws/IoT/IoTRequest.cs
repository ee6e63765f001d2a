using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.IoT
{
    /// <summary>
    /// An IoT operation in rest-json: GET on the operation's path with the input as query parameters, camelCase
    /// members, maxResults and nextToken when they are set.
    /// </summary>
    internal abstract class IoTRequest<TResponse> : JobToolsRequest<TResponse>
        where TResponse : AmazonWebServiceResponse, new()
    {
        /// <summary>The operation's path, for example /jobs.</summary>
        protected abstract string ResourcePath { get; }

        internal sealed override IRequest Marshall()
        {
            IRequest request = new DefaultRequest(this, ServiceDescription.IoT.ServiceId);
            request.HttpMethod = "GET";
            request.ResourcePath = ResourcePath;
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
