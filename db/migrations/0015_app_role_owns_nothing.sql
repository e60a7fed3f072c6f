-- The application may connect as a role that owns no table and may not create any (the owner
-- runs the migrations). The realtime adapter's spill table is therefore created here, not by the
-- server at start.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
