"""The national roll-up: many agency-years' processed tables, recomputed and reconciled in one vectorised pass
(:mod:`analysis.reconcile.batch`), then compared across agencies — each indicator only within its definition
variant. ``load`` reads, ``assemble`` builds the batch's inputs, ``compare`` compares, ``rollup`` runs them.
"""
