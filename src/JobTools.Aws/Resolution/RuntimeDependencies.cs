using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// Tells AWSSDK.Core which SSO and SSO OIDC clients to use for sso_session profiles: ours, from this load
    /// context. Left to itself, Core looks the assemblies up by name among everything loaded, where another
    /// module's copies may answer. (Assume-role uses <see cref="AssumeRoleCredentials"/> instead.)
    /// </summary>
    internal static class RuntimeDependencies
    {
        private static readonly object Gate = new object();
        private static bool registered;

        public static void Register()
        {
            lock (Gate)
            {
                if (registered)
                {
                    return;
                }

                var registry = GlobalRuntimeDependencyRegistry.Instance;
                registry.RegisterSSOClient(context => new AmazonSSOClient(
                    new AnonymousAWSCredentials(),
                    new AmazonSSOConfig { RegionEndpoint = context.SSOClientContextData.Region }));
                registry.RegisterSSOOIDCClient(context => new AmazonSSOOIDCClient(
                    new AnonymousAWSCredentials(),
                    new AmazonSSOOIDCConfig { RegionEndpoint = context.SSOOIDCClientContextData.Region }));
                registered = true;
            }
        }
    }
}
