// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rooster",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Rooster", targets: ["Rooster"]),
        // The GLPK backend, separate so that the core library builds and links without libglpk (and GPL).
        .library(name: "RoosterGLPK", targets: ["RoosterGLPK"]),
        .executable(name: "rooster", targets: ["rooster"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Value types of a school and a timetable, and validation. No Foundation, no I/O.
        .target(name: "RoosterModel"),
        // The rule catalogue and the one checker that scores every timetable.
        .target(name: "RoosterRules", dependencies: ["RoosterModel"]),
        // Files: the versioned YAML/JSON school and timetable formats, ITC 2007 .ctt/.sol.
        .target(
            name: "RoosterIO",
            dependencies: ["RoosterModel", "RoosterRules", .product(name: "Yams", package: "Yams")]
        ),
        // The vocabulary every solver shares: options, status, result, the TimetableSolver protocol.
        .target(name: "RoosterSolving", dependencies: ["RoosterModel", "RoosterRules"]),
        // The native heuristic: construction plus simulated annealing with incremental scoring.
        .target(name: "RoosterHeuristic", dependencies: ["RoosterModel", "RoosterRules", "RoosterSolving"]),
        // The weekly layers on a base timetable: choice and block-hour enrolment, coach conversations.
        .target(name: "RoosterEnrolment", dependencies: ["RoosterModel", "RoosterRules", "RoosterSolving"]),
        // Realistic generated Dutch flex schools (bioritme, coach, block-hour profiles) for tests and benchmarks.
        .target(name: "RoosterGenerate", dependencies: ["RoosterModel"]),
        // Mixed-integer programming without a solver: the model builder, the backend protocol, the
        // timetable, room and enrolment formulations, and the MIP solver that uses them.
        .target(name: "RoosterMIP", dependencies: ["RoosterModel", "RoosterRules", "RoosterSolving", "RoosterEnrolment"]),
        // The default mode: the heuristic and the MIP solver side by side, timetables handed between them.
        .target(name: "RoosterAuto", dependencies: ["RoosterModel", "RoosterRules", "RoosterSolving", "RoosterHeuristic", "RoosterMIP"]),
        // GLPK (libglpk-dev) behind a C guard that turns its errors into return codes instead of abort().
        .target(name: "CGLPK", linkerSettings: [.linkedLibrary("glpk")]),
        // GLPK as a MIP backend: one thin module, the only one that links GLPK.
        .target(name: "RoosterGLPK", dependencies: ["CGLPK", "RoosterIO", "RoosterMIP"]),
        // Timetables for people: terminal grid, HTML, CSV, iCalendar, JSON, and the quality report.
        .target(name: "RoosterRender", dependencies: ["RoosterModel", "RoosterRules", "RoosterIO"]),
        // The library product: re-exports the modules above.
        .target(
            name: "Rooster",
            dependencies: [
                "RoosterModel", "RoosterRules", "RoosterIO", "RoosterSolving", "RoosterHeuristic", "RoosterEnrolment", "RoosterGenerate",
                "RoosterMIP", "RoosterAuto", "RoosterRender",
            ]),
        // The command-line tool.
        .executableTarget(
            name: "rooster",
            dependencies: ["Rooster", "RoosterGLPK", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .target(name: "RoosterTestSupport", dependencies: ["RoosterModel"], path: "Tests/RoosterTestSupport"),
        .testTarget(name: "RoosterModelTests", dependencies: ["RoosterModel", "RoosterTestSupport"]),
        .testTarget(name: "RoosterRulesTests", dependencies: ["RoosterRules", "RoosterTestSupport"]),
        .testTarget(
            name: "RoosterIOTests",
            dependencies: ["RoosterIO", "RoosterSolving", "RoosterTestSupport", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RoosterHeuristicTests", dependencies: ["RoosterHeuristic", "RoosterIO", "RoosterTestSupport"]),
        .testTarget(name: "RoosterRenderTests", dependencies: ["RoosterRender", "RoosterTestSupport"], resources: [.copy("Golden")]),
        .testTarget(
            name: "RoosterGLPKTests",
            dependencies: [
                "RoosterGLPK", "RoosterMIP", "RoosterAuto", "CGLPK", "RoosterIO", "RoosterHeuristic", "RoosterEnrolment", "RoosterTestSupport",
            ]),
        .testTarget(
            name: "RoosterEnrolmentTests",
            dependencies: [
                "RoosterEnrolment", "RoosterGenerate", "RoosterHeuristic", "RoosterSolving", "RoosterMIP", "RoosterGLPK", "RoosterRules",
                "RoosterIO", "RoosterTestSupport",
            ]),
        .testTarget(name: "RoosterCLITests", dependencies: ["rooster", "RoosterTestSupport"]),
    ]
)
