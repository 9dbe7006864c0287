// swift-tools-version:6.0
// Coverage-guided fuzz targets for Rooster's readers (libFuzzer), kept out of the main package: they
// are built with `-sanitize=fuzzer` and have no `main` of their own. Run them with `Tests/Fuzz/run`.
import PackageDescription

let package = Package(
    name: "RoosterFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Rooster", path: "../..")],
    targets: [
        .executableTarget(
            name: "rooster-fuzz",
            dependencies: [.product(name: "Rooster", package: "Rooster")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        )
    ]
)
