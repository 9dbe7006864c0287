@_exported import RoosterAuto
@_exported import RoosterEnrolment
@_exported import RoosterGenerate
@_exported import RoosterHeuristic
// The Rooster library: one import for the model, the rule checker and the file formats.
@_exported import RoosterIO
@_exported import RoosterMIP
@_exported import RoosterModel
@_exported import RoosterRender
@_exported import RoosterRules
@_exported import RoosterSolving
