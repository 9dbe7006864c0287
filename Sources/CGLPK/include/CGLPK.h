// The C guard around GLPK: every GLPK call of one solve happens inside `rg_run`, between a
// `setjmp` and GLPK's error hook, so that a GLPK error (which would call `abort()`) returns an
// error code instead. Only C frames lie between the `setjmp` and any GLPK call.
#ifndef ROOSTER_CGLPK_H
#define ROOSTER_CGLPK_H

#include <stddef.h>

/// Row and column bound types, as GLPK's GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX.
enum { RG_FREE = 1, RG_LOWER = 2, RG_UPPER = 3, RG_DOUBLE = 4, RG_FIXED = 5 };
/// Column kinds, as GLPK's GLP_CV, GLP_IV, GLP_BV.
enum { RG_CONTINUOUS = 1, RG_INTEGER = 2, RG_BINARY = 3 };

/// A mixed-integer program, minimised. Arrays are 0-based here; the guard converts.
typedef struct {
    int rows;
    int cols;
    const int *row_type;
    const double *row_lower;
    const double *row_upper;
    const int *col_type;
    const int *col_kind;
    const double *col_lower;
    const double *col_upper;
    const double *objective;
    double objective_constant;
    /// Nonzeros of the constraint matrix, without duplicate (row, column) pairs.
    int nonzeros;
    const int *entry_row;
    const int *entry_col;
    const double *entry_value;
    /// Column names (may be NULL): set only for export.
    const char *const *col_names;
    const char *const *row_names;
} rg_model;

/// A progress report from inside the branch-and-bound search.
typedef struct {
    double incumbent;      ///< objective of the best integer solution, or HUGE_VAL
    double bound;          ///< best bound over the open nodes
    int has_incumbent;
    int nodes_open;
} rg_progress;

typedef struct {
    /// Milliseconds for the LP relaxation plus the search; 0 means none.
    int time_limit_ms;
    double mip_gap;
    /// Memory limit for GLPK in megabytes; 0 means none.
    int memory_limit_mb;
    int use_cuts;
    int use_heuristics;
    /// The root LP: 0 the dual simplex (timetabling programs), 1 the primal simplex from an
    /// advanced basis (network-like programs such as the enrolment).
    int primal_simplex;
    /// Only write the model (when the paths below are set), do not solve.
    int write_only;
    const char *mps_path;
    const char *lp_path;
    /// A feasible solution to start from, one value per column (or NULL).
    const double *start;
    /// Columns to branch on first (0-based), the most fractional of them at each node.
    const int *branch_first;
    int branch_first_count;
    /// Called at each branching decision; a nonzero return stops the search.
    int (*should_stop)(void *context, const rg_progress *progress);
    /// Asked about every 200 ms while the root LP is solved, where GLPK calls no callback; a
    /// nonzero return abandons the solve at once, without a solution (cancellation, deadline).
    int (*should_abandon)(void *context);
    /// Called with each piece of GLPK's terminal output.
    void (*output)(void *context, const char *text);
    void *context;
} rg_params;

/// Outcome codes of `rg_run`.
enum {
    RG_OK = 0,
    /// GLPK reported an error (message in `error`); its environment has been freed.
    RG_GLPK_ERROR = 1,
    /// The model's arrays are inconsistent (message in `error`); GLPK was not called.
    RG_BAD_MODEL = 2,
    /// Writing the MPS or LP file failed.
    RG_WRITE_FAILED = 3,
};

/// Solution states, with the values of GLPK's GLP_UNDEF, GLP_FEAS, GLP_INFEAS, GLP_NOFEAS, GLP_OPT, GLP_UNBND.
enum { RG_UNDEFINED = 1, RG_FEASIBLE = 2, RG_INFEASIBLE = 3, RG_NO_FEASIBLE = 4, RG_OPTIMAL = 5, RG_UNBOUNDED = 6 };

/// Solution states, as GLPK's GLP_UNDEF, GLP_FEAS, GLP_INFEAS, GLP_NOFEAS, GLP_OPT, GLP_UNBND.
typedef struct {
    int lp_status;
    int mip_status;
    /// Return code of glp_simplex and glp_intopt (0 or a GLP_E* code).
    int simplex_code;
    int intopt_code;
    double lp_objective;
    double objective;
    double bound;
    /// Values of the best integer solution, one per column; the caller allocates `cols` doubles.
    double *values;
    char error[512];
} rg_result;

/// Builds, optionally writes, and solves the model; frees every GLPK object on every path.
int rg_run(const rg_model *model, const rg_params *params, rg_result *result);

/// Provokes a GLPK error on purpose (adds zero rows), for the test that proves the guard works.
int rg_provoke_error(rg_result *result);

#endif
