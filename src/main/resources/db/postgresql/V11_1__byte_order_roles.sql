-- Text compares in byte order, as on SQLite (see V8_3): role_lease's text columns (V11) too.
ALTER TABLE role_lease
    ALTER COLUMN role  TYPE VARCHAR(50)  COLLATE "C",
    ALTER COLUMN owner TYPE VARCHAR(100) COLLATE "C";
