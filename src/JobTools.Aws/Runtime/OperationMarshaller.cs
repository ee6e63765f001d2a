using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Runtime
{
    /// <summary>The SDK's marshalling step for every operation: each request knows how it goes on the wire.</summary>
    internal sealed class OperationMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly OperationMarshaller Instance = new OperationMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input) => ((JobToolsRequest)input).Marshall();
    }
}
