// swift-tools-version:6.0
// Benchmarks for Rooster, kept out of the main package so that CI and users do not build them.
// Run from the repository root:  swift run -c release --package-path Benchmarks checker-benchmark
import PackageDescription

let package = Package(
    name: "RoosterBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Rooster", path: "..")],
    targets: [
        .executableTarget(
            name: "checker-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Rooster", package: "Rooster")],
            path: "Sources/CheckerBenchmark"
        ),
        .executableTarget(
            name: "heuristic-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Rooster", package: "Rooster")],
            path: "Sources/HeuristicBenchmark"
        ),
        .target(name: "BenchmarkSupport", dependencies: [.product(name: "Rooster", package: "Rooster")]),
        .executableTarget(
            name: "scaling-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Rooster", package: "Rooster")],
            path: "Sources/ScalingBenchmark"
        ),
        .executableTarget(
            name: "solver-benchmark",
            dependencies: [
                "BenchmarkSupport", .product(name: "Rooster", package: "Rooster"), .product(name: "RoosterGLPK", package: "Rooster"),
            ],
            path: "Sources/SolverBenchmark"
        ),
        .executableTarget(
            name: "whole-week-benchmark",
            dependencies: [
                "BenchmarkSupport", .product(name: "Rooster", package: "Rooster"), .product(name: "RoosterGLPK", package: "Rooster"),
            ],
            path: "Sources/WholeWeekBenchmark"
        ),
        .executableTarget(
            name: "perturbation-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Rooster", package: "Rooster")],
            path: "Sources/PerturbationBenchmark"
        ),
        .executableTarget(
            name: "bound-benchmark",
            dependencies: [
                "BenchmarkSupport", .product(name: "Rooster", package: "Rooster"), .product(name: "RoosterGLPK", package: "Rooster"),
            ],
            path: "Sources/BoundBenchmark"
        ),
        .executableTarget(
            name: "weekly-benchmark",
            dependencies: [
                "BenchmarkSupport", .product(name: "Rooster", package: "Rooster"), .product(name: "RoosterGLPK", package: "Rooster"),
            ],
            path: "Sources/WeeklyBenchmark"
        ),
    ]
)
