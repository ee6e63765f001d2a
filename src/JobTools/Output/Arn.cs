namespace JobTools
{
    /// <summary>Reads an ARN: arn:partition:service:region:account-id:resource.</summary>
    internal static class Arn
    {
        /// <summary>The account id an ARN holds, or null when <paramref name="arn"/> is none or has none.</summary>
        public static string? AccountOf(string? arn)
        {
            string[]? parts = arn?.Split(':', 6);
            return parts is { Length: 6 } && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
        }
    }
}
