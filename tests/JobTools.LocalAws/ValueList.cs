using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace JobTools.LocalAws
{
    /// <summary>A read-only list equal to another with the same items in the same order, so that records holding one compare by value.</summary>
    public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
    {
        private readonly T[] items;

        public ValueList(IEnumerable<T> items)
        {
            this.items = items.ToArray();
        }

        public int Count => items.Length;

        public T this[int index] => items[index];

        public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other.items);

        public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

        public override int GetHashCode() => items.Aggregate(items.Length, (hash, item) => HashCode.Combine(hash, item));

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
    }
}
