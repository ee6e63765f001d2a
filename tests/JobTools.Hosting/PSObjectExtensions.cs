using System.Management.Automation;

namespace JobTools.Hosting
{
    public static class PSObjectExtensions
    {
        /// <summary>A property's value, read the way a script reads it.</summary>
        public static T Value<T>(this PSObject item, string property) => (T)item.Properties[property].Value;
    }
}
