extension SchoolValidator {
    /// The dated school year: a term that ends after it starts and stays within the range of
    /// ``InputRanges/calendarDays``, periods that end after they start, a region that some
    /// holiday names, and cycle restarts inside the cycle.
    mutating func checkSchoolYear() {
        guard let calendar = school.calendar else { return }
        let span = calendar.last.daysSinceEpoch - calendar.first.daysSinceEpoch + 1
        inRange(span, InputRanges.calendarDays, "The calendar's length in days (from start to end)", at: "calendar.end")
        if let hours = calendar.instructionHoursPerYear {
            inRange(hours, InputRanges.instructionHoursPerYear, "Instruction hours per year", at: "calendar.instructionHoursPerYear")
        }
        let lists = [("holidays", calendar.holidays), ("studyDays", calendar.studyDays), ("examWeeks", calendar.examWeeks)]
        for (list, periods) in lists {
            for (index, period) in periods.enumerated() where period.last < period.first {
                error(
                    "invalidValue", "'\(period.name)' ends on \(period.last), before it starts on \(period.first)",
                    at: "calendar.\(list)[\(index)].to", hint: "give the last day on or after the first")
            }
        }
        let regions = Set(lists.flatMap { $0.1.flatMap(\.regions) })
        if let region = calendar.region, !regions.isEmpty, !regions.contains(region) {
            error(
                "unknownReference", "The region '\(region)' is not one that the calendar's holidays name", at: "calendar.region",
                hint: "regions named: \(regions.sorted().joined(separator: ", "))")
        } else if calendar.region == nil, !regions.isEmpty {
            error(
                "missingValue", "Some holidays are for particular regions, but the calendar has no region",
                at: "calendar.region", hint: "add region: with one of \(regions.sorted().joined(separator: ", "))")
        }
        for (index, restart) in calendar.cycleRestarts.enumerated() {
            inRange(
                restart.week, 0...(max(school.weeksInCycle, 1) - 1), "The cycle week to restart from",
                at: "calendar.cycleRestarts[\(index)].week")
        }
    }
}
