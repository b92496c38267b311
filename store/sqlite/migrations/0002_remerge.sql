-- The merge window of each mention (store.WindowOf: CAMEO root and the
-- days its date may refer to), by which Remerge finds the mentions that
-- can merge with new ones, and whether the mention was remerged. Open
-- fills the window of rows stored before this migration.

ALTER TABLE mentions ADD COLUMN root TEXT;
ALTER TABLE mentions ADD COLUMN day_from INTEGER;
ALTER TABLE mentions ADD COLUMN day_to INTEGER;
ALTER TABLE mentions ADD COLUMN remerged INTEGER NOT NULL DEFAULT 0;
CREATE INDEX mentions_window ON mentions(root, day_from, day_to);
CREATE INDEX mentions_pending ON mentions(root, seq) WHERE remerged = 0;
