using System;
using System.Collections.Generic;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Tarjan's strongly connected components, iterative (an explicit frame stack instead of recursion, so a
/// long chain of states cannot overflow the compiler's stack).
/// </summary>
public static class StronglyConnectedComponents
{
    /// <summary>
    /// The components of the graph with nodes 0..n-1 and the given successor lists. Every node is in exactly
    /// one component; components come out in reverse topological order (a component before those that reach it).
    /// </summary>
    public static List<List<int>> Find(IReadOnlyList<IReadOnlyList<int>> successors)
    {
        int n = successors.Count;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        for (int i = 0; i < n; i++) index[i] = -1;

        var components = new List<List<int>>();
        var stack = new Stack<int>();
        // Frames of the simulated recursion: the node and how many of its successors have been looked at.
        var frameNodes = new List<int>();
        var frameNext = new List<int>();
        int counter = 0;

        for (int root = 0; root < n; root++)
        {
            if (index[root] != -1) continue;
            Visit(root);
            while (frameNodes.Count > 0)
            {
                int top = frameNodes.Count - 1;
                int u = frameNodes[top];
                int next = frameNext[top];
                var edges = successors[u];
                if (next < edges.Count)
                {
                    frameNext[top] = next + 1;
                    int w = edges[next];
                    if (w < 0 || w >= n) continue;
                    if (index[w] == -1) Visit(w);
                    else if (onStack[w]) low[u] = Math.Min(low[u], index[w]);
                    continue;
                }

                frameNodes.RemoveAt(top);
                frameNext.RemoveAt(top);
                if (top > 0)
                {
                    int parent = frameNodes[top - 1];
                    low[parent] = Math.Min(low[parent], low[u]);
                }
                if (low[u] == index[u])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != u);
                    components.Add(component);
                }
            }
        }
        return components;

        void Visit(int v)
        {
            index[v] = counter;
            low[v] = counter;
            counter++;
            stack.Push(v);
            onStack[v] = true;
            frameNodes.Add(v);
            frameNext.Add(0);
        }
    }
}
