import RoosterModel

extension School {
    /// Adds a cluster of `lessons` that start together, merged with every cluster that already
    /// shares a lesson with it (imported constraints that share a lesson make one cluster); its
    /// ID comes from `id`, given the number of clusters left after the merge.
    mutating func addCluster(startingTogether lessons: Set<Lesson.ID>, id: (_ clustersLeft: Int) -> String) {
        let joined = clusters.indices.filter { !lessons.isDisjoint(with: clusters[$0].lessons) }
        let together = lessons.union(joined.flatMap { clusters[$0].lessons })
        for index in joined.reversed() { clusters.remove(at: index) }
        let ordered = self.lessons.map(\.id).filter(together.contains)
        clusters.append(Cluster(id: .init(id(clusters.count)), kind: .parallelLevels, lessons: ordered))
    }
}
