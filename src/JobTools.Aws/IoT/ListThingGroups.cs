using System;
using System.Collections.Generic;
using System.Text.Json;
using JobTools.Aws.Runtime;
using JobTools.Services;

namespace JobTools.Aws.IoT
{
    /// <summary>ListThingGroups: the account's thing groups, filtered by name prefix on the server, a page at a time.</summary>
    internal sealed class ListThingGroups(string? namePrefix) : IoTRequest<Page<IoTThingGroup>>
    {
        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: true);

        /// <summary>The GroupNameAndArn members read (the wire names are these, camelCased).</summary>
        private enum Member
        {
            GroupName,
            GroupArn,
        }

        /// <summary>Only groups whose names start with this; null for all.</summary>
        public string? NamePrefix { get; } = namePrefix;

        public override string Operation => "ListThingGroups";

        protected override string ResourcePath => "/thing-groups";

        internal override Page<IoTThingGroup> Decode(ReadOnlySpan<byte> body) => ReadPage(body, "thingGroups", "thing group", ReadGroup);

        protected override void AddQuery(IDictionary<string, string> query) => Add(query, "namePrefixFilter", NamePrefix);

        private static IoTThingGroup ReadGroup(ref Utf8JsonReader reader, ItemFields fields)
        {
            string? groupName = null, groupArn = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, Members))
                {
                    case Member.GroupName: groupName = fields.String(ref reader); break;
                    case Member.GroupArn: groupArn = fields.String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new IoTThingGroup(groupName, groupArn);
        }
    }
}
