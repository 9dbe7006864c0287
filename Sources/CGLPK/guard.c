// See CGLPK.h. GLPK calls `abort()` on any misuse unless an error hook leaves by `longjmp`; the
// hook here jumps back into `rg_run`, which frees GLPK's environment (and so every problem object
// of this thread) and returns RG_GLPK_ERROR.
#include "CGLPK.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(RG_UNDEFINED == GLP_UNDEF && RG_FEASIBLE == GLP_FEAS && RG_NO_FEASIBLE == GLP_NOFEAS && RG_OPTIMAL == GLP_OPT,
               "solution states match GLPK's");

/// State shared with GLPK's hooks and callback during one `rg_run`.
typedef struct {
    jmp_buf escape;
    const rg_params *params;
    /// The last terminal output, to explain an error.
    char tail[512];
    /// The warm start, 1-based as glp_ios_heur_sol wants it.
    double *start;
    int start_given;
    double bound;
    /// Set while glp_simplex solves the root LP: only its progress output can ask to abandon.
    int in_root_lp;
    int abandoned;
} session;

static void on_error(void *info) {
    session *s = info;
    longjmp(s->escape, 1);
}

static void remember(session *s, const char *text) {
    size_t have = strlen(s->tail), add = strlen(text), room = sizeof s->tail - 1;
    if (add >= room) {
        memcpy(s->tail, text + add - room, room);
        s->tail[room] = 0;
        return;
    }
    if (have + add > room) {
        size_t drop = have + add - room;
        memmove(s->tail, s->tail + drop, have - drop + 1);
        have -= drop;
    }
    memcpy(s->tail + have, text, add + 1);
}

static int on_output(void *info, const char *text) {
    session *s = info;
    remember(s, text);
    if (s->params && s->params->output) s->params->output(s->params->context, text);
    if (s->in_root_lp && s->params && s->params->should_abandon && s->params->should_abandon(s->params->context)) {
        // Leave glp_simplex the way the error hook leaves GLPK; rg_run frees the environment.
        s->abandoned = 1;
        longjmp(s->escape, 1);
    }
    return 1;  // never print to the host's stdout
}

/// Branches on the most fractional of the preferred columns, when one can be branched on.
static void choose_branch(glp_tree *tree, const rg_params *params) {
    glp_prob *problem = glp_ios_get_prob(tree);
    int best = 0;
    double best_distance = 0;
    for (int k = 0; k < params->branch_first_count; k++) {
        int j = params->branch_first[k] + 1;
        if (j < 1 || j > glp_get_num_cols(problem) || !glp_ios_can_branch(tree, j)) continue;
        double value = glp_get_col_prim(problem, j);
        double distance = value - floor(value);
        if (distance > 0.5) distance = 1 - distance;
        if (distance > best_distance) {
            best_distance = distance;
            best = j;
        }
    }
    if (best != 0) glp_ios_branch_upon(tree, best, GLP_UP_BRNCH);
}

static void on_branch(glp_tree *tree, void *info) {
    session *s = info;
    if (glp_ios_reason(tree) == GLP_IBRANCH && s->params->branch_first_count > 0) choose_branch(tree, s->params);
    if (glp_ios_reason(tree) == GLP_IHEUR && s->start && !s->start_given) {
        s->start_given = 1;
        glp_ios_heur_sol(tree, s->start);
    }
    int best = glp_ios_best_node(tree);
    if (best != 0) s->bound = glp_ios_node_bound(tree, best);
    if (s->params->should_stop) {
        glp_prob *problem = glp_ios_get_prob(tree);
        rg_progress progress;
        progress.has_incumbent = glp_mip_status(problem) == GLP_FEAS || glp_mip_status(problem) == GLP_OPT;
        progress.incumbent = progress.has_incumbent ? glp_mip_obj_val(problem) : HUGE_VAL;
        progress.bound = s->bound;
        int active = 0;
        glp_ios_tree_size(tree, &active, NULL, NULL);
        progress.nodes_open = active;
        if (s->params->should_stop(s->params->context, &progress)) glp_ios_terminate(tree);
    }
}

static int check_model(const rg_model *m, rg_result *result) {
    if (m->rows < 0 || m->cols < 0 || m->nonzeros < 0) {
        snprintf(result->error, sizeof result->error, "negative row, column or nonzero count");
        return 0;
    }
    for (int k = 0; k < m->nonzeros; k++) {
        if (m->entry_row[k] < 0 || m->entry_row[k] >= m->rows || m->entry_col[k] < 0 || m->entry_col[k] >= m->cols) {
            snprintf(result->error, sizeof result->error, "matrix entry %d at (%d, %d) is outside the %d x %d matrix", k,
                     m->entry_row[k], m->entry_col[k], m->rows, m->cols);
            return 0;
        }
    }
    return 1;
}

static void set_bounds(glp_prob *p, int is_row, int index, int type, double lower, double upper) {
    int kind = GLP_FR;
    switch (type) {
        case RG_LOWER: kind = GLP_LO; break;
        case RG_UPPER: kind = GLP_UP; break;
        case RG_DOUBLE: kind = lower == upper ? GLP_FX : GLP_DB; break;
        case RG_FIXED: kind = GLP_FX; break;
        default: kind = GLP_FR; break;
    }
    if (is_row)
        glp_set_row_bnds(p, index, kind, lower, upper);
    else
        glp_set_col_bnds(p, index, kind, lower, upper);
}

/// Copies the model into a new GLPK problem. Only called under the guard.
static glp_prob *load(const rg_model *m, int *ia, int *ja, double *ar) {
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MIN);
    if (m->rows > 0) glp_add_rows(p, m->rows);
    if (m->cols > 0) glp_add_cols(p, m->cols);
    glp_set_obj_coef(p, 0, m->objective_constant);
    for (int i = 0; i < m->rows; i++) {
        set_bounds(p, 1, i + 1, m->row_type[i], m->row_lower[i], m->row_upper[i]);
        if (m->row_names && m->row_names[i]) glp_set_row_name(p, i + 1, m->row_names[i]);
    }
    for (int j = 0; j < m->cols; j++) {
        if (m->col_kind[j] != RG_CONTINUOUS) glp_set_col_kind(p, j + 1, GLP_IV);
        set_bounds(p, 0, j + 1, m->col_type[j], m->col_lower[j], m->col_upper[j]);
        glp_set_obj_coef(p, j + 1, m->objective[j]);
        if (m->col_names && m->col_names[j]) glp_set_col_name(p, j + 1, m->col_names[j]);
    }
    for (int k = 0; k < m->nonzeros; k++) {
        ia[k + 1] = m->entry_row[k] + 1;
        ja[k + 1] = m->entry_col[k] + 1;
        ar[k + 1] = m->entry_value[k];
    }
    if (m->nonzeros > 0) glp_load_matrix(p, m->nonzeros, ia, ja, ar);
    return p;
}

int rg_run(const rg_model *model, const rg_params *params, rg_result *result) {
    memset(result->error, 0, sizeof result->error);
    result->lp_status = GLP_UNDEF;
    result->mip_status = GLP_UNDEF;
    result->simplex_code = 0;
    result->intopt_code = 0;
    result->lp_objective = HUGE_VAL;
    result->objective = HUGE_VAL;
    result->bound = -HUGE_VAL;
    if (!check_model(model, result)) return RG_BAD_MODEL;

    session s;
    memset(&s, 0, sizeof s);
    s.params = params;
    s.bound = -HUGE_VAL;
    // Heap memory is owned here, not by GLPK, and freed on both paths.
    int *volatile ia = malloc(sizeof(int) * (size_t)(model->nonzeros + 1));
    int *volatile ja = malloc(sizeof(int) * (size_t)(model->nonzeros + 1));
    double *volatile ar = malloc(sizeof(double) * (size_t)(model->nonzeros + 1));
    double *volatile start = NULL;
    if (params->start) {
        start = malloc(sizeof(double) * (size_t)(model->cols + 1));
        if (start) {
            start[0] = 0;
            memcpy(start + 1, params->start, sizeof(double) * (size_t)model->cols);
        }
    }
    if (!ia || !ja || !ar || (params->start && !start)) {
        free(ia), free(ja), free(ar), free(start);
        snprintf(result->error, sizeof result->error, "out of memory for %d nonzeros", model->nonzeros);
        return RG_BAD_MODEL;
    }
    s.start = start;
    int outcome = RG_OK;

    glp_term_hook(on_output, &s);
    glp_error_hook(on_error, &s);
    if (setjmp(s.escape)) {
        // GLPK is in an undefined state: drop its whole environment (every problem of this thread).
        glp_free_env();
        free(ia), free(ja), free(ar), free(start);
        if (s.abandoned) return RG_OK;  // no solution, as when the time limit ends the root LP
        snprintf(result->error, sizeof result->error, "GLPK error: %s", s.tail);
        return RG_GLPK_ERROR;
    }
    if (params->memory_limit_mb > 0) glp_mem_limit(params->memory_limit_mb);
    glp_prob *problem = load(model, ia, ja, ar);
    if (params->mps_path && glp_write_mps(problem, GLP_MPS_FILE, NULL, params->mps_path) != 0) outcome = RG_WRITE_FAILED;
    if (params->lp_path && glp_write_lp(problem, NULL, params->lp_path) != 0) outcome = RG_WRITE_FAILED;
    if (outcome == RG_OK && !params->write_only) {
        glp_smcp simplex;
        glp_init_smcp(&simplex);
        // Progress output every 200 ms is the only way back into Rooster while the LP runs (see
        // on_output); it goes to the log, never to the terminal.
        simplex.msg_lev = params->should_abandon ? GLP_MSG_ON : GLP_MSG_ERR;
        simplex.out_frq = 200;
        simplex.presolve = GLP_OFF;
        simplex.meth = GLP_DUALP;  // the dual simplex reaches the root bound of timetabling programs faster
        if (params->primal_simplex) {
            simplex.meth = GLP_PRIMAL;
            glp_adv_basis(problem, 0);
        }
        if (params->time_limit_ms > 0) simplex.tm_lim = params->time_limit_ms;
        double began = glp_time();
        s.in_root_lp = 1;
        result->simplex_code = glp_simplex(problem, &simplex);
        s.in_root_lp = 0;
        result->lp_status = glp_get_status(problem);
        if (result->lp_status == GLP_OPT) result->lp_objective = glp_get_obj_val(problem);
        int spent = (int)(glp_time() - began);
        if (result->simplex_code == 0 && result->lp_status == GLP_OPT) {
            glp_iocp search;
            glp_init_iocp(&search);
            search.msg_lev = GLP_MSG_ON;
            search.presolve = GLP_OFF;  // glp_ios_heur_sol needs the original columns
            search.cb_func = on_branch;
            search.cb_info = &s;
            search.mip_gap = params->mip_gap;
            search.out_frq = 2000;
            if (params->time_limit_ms > 0) search.tm_lim = params->time_limit_ms - spent > 1 ? params->time_limit_ms - spent : 1;
            if (params->use_cuts) {
                // Clique and cover cuts; Gomory and MIR cuts were tried and stall at the root
                // node of timetabling programs for minutes.
                search.clq_cuts = GLP_ON;
                search.cov_cuts = GLP_ON;
            }
            // The pump solves many LPs like the root one and checks no time limit between them, so
            // it runs only when the root LP was cheap compared with the time left.
            int remaining = params->time_limit_ms > 0 ? params->time_limit_ms - spent : 0;
            if (params->use_heuristics && !start && (params->time_limit_ms <= 0 || spent * 20 < remaining)) {
                // The feasibility pump finds first integer solutions (without a warm start; with one
                // it only costs time at the root). Proximity search was tried and spends its whole
                // time limit even when the incumbent is already optimal.
                search.fp_heur = GLP_ON;
            }
            result->intopt_code = glp_intopt(problem, &search);
            result->mip_status = glp_mip_status(problem);
            if (result->mip_status == GLP_OPT || result->mip_status == GLP_FEAS) {
                result->objective = glp_mip_obj_val(problem);
                for (int j = 0; j < model->cols; j++) result->values[j] = glp_mip_col_val(problem, j + 1);
            }
            result->bound = result->mip_status == GLP_OPT ? result->objective
                            : s.bound > result->lp_objective ? s.bound
                                                             : result->lp_objective;
        } else if (result->lp_status == GLP_NOFEAS) {
            result->mip_status = GLP_NOFEAS;
        }
    }
    glp_delete_prob(problem);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_free_env();
    free(ia), free(ja), free(ar), free(start);
    if (outcome == RG_WRITE_FAILED) snprintf(result->error, sizeof result->error, "cannot write the model: %s", s.tail);
    return outcome;
}

int rg_provoke_error(rg_result *result) {
    session s;
    memset(&s, 0, sizeof s);
    rg_params quiet;
    memset(&quiet, 0, sizeof quiet);
    s.params = &quiet;
    memset(result->error, 0, sizeof result->error);
    glp_term_hook(on_output, &s);
    glp_error_hook(on_error, &s);
    if (setjmp(s.escape)) {
        glp_free_env();
        snprintf(result->error, sizeof result->error, "GLPK error: %s", s.tail);
        return RG_GLPK_ERROR;
    }
    glp_prob *problem = glp_create_prob();
    glp_add_rows(problem, 0);  // invalid: GLPK reports an error and would abort
    glp_delete_prob(problem);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_free_env();
    return RG_OK;
}
