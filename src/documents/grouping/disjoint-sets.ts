/** Union-find over the numbers 0 … size − 1, with path halving and union by size: near-constant time a call. */

export interface DisjointSets {
  /** The representative of the set holding `item`. */
  readonly find: (item: number) => number
  /** Joins the sets holding `a` and `b`; false when they were already one. */
  readonly union: (a: number, b: number) => boolean
}

export const createDisjointSets = (size: number): DisjointSets => {
  const parent = Int32Array.from({ length: size }, (_, index) => index)
  const sizes = new Int32Array(size).fill(1)
  const find = (item: number): number => {
    let at = item
    for (;;) {
      const up = parent[at] ?? at
      if (up === at) return at
      const grand = parent[up] ?? up
      parent[at] = grand
      at = grand
    }
  }
  const union = (a: number, b: number): boolean => {
    let rootA = find(a)
    let rootB = find(b)
    if (rootA === rootB) return false
    if ((sizes[rootA] ?? 0) < (sizes[rootB] ?? 0)) [rootA, rootB] = [rootB, rootA]
    parent[rootB] = rootA
    sizes[rootA] = (sizes[rootA] ?? 0) + (sizes[rootB] ?? 0)
    return true
  }
  return { find, union }
}
