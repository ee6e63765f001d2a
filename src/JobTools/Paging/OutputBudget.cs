namespace JobTools.Paging
{
    /// <summary>
    /// Applies -Skip and -First across everything one invocation writes, piped cluster after piped cluster, and
    /// source after source of a fan-out. Only the pipeline thread spends it (<see cref="Take"/>); the sources of a
    /// fan-out read it from their own threads to size their requests and to stop, where a value a moment old
    /// only makes a page larger than needed or one request more, and the pipeline thread still writes no more
    /// than -First.
    /// </summary>
    internal sealed class OutputBudget
    {
        private ulong skipRemaining;
        private ulong? firstRemaining;

        public OutputBudget(ulong skip, ulong? first)
        {
            skipRemaining = skip;
            firstRemaining = first;
            First = first;
        }

        /// <summary>The -First count, or null when unbounded.</summary>
        public ulong? First { get; }

        /// <summary>True once -First objects were written: no further request is needed.</summary>
        public bool IsSatisfied => firstRemaining == 0;

        /// <summary>How many more items must be fetched (skipped ones included); null when unbounded or beyond counting.</summary>
        public ulong? StillNeeded => firstRemaining is ulong first && skipRemaining <= ulong.MaxValue - first ? skipRemaining + first : (ulong?)null;

        /// <summary>Written so far.</summary>
        public ulong Written { get; private set; }

        /// <summary>Consumes one fetched item; true when it is to be written.</summary>
        public bool Take()
        {
            if (IsSatisfied)
            {
                return false;
            }

            if (skipRemaining > 0)
            {
                skipRemaining--;
                return false;
            }

            if (firstRemaining is ulong first)
            {
                firstRemaining = first - 1;
            }

            Written++;
            return true;
        }
    }
}
