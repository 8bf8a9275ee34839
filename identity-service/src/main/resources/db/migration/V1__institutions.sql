-- Institutions of the cooperation, identified by their SCHAC code.
create table institution (
    id            uuid primary key,
    schac_code    varchar(100) not null unique,
    name_fr       varchar(300) not null,
    name_en       varchar(300) not null,
    name_zh       varchar(300) not null,
    country_code  char(2)      not null,
    illustrative  boolean      not null default false,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0
);

-- The institutions named by the founding facts. Their SCHAC codes are public; SJTUSM is a school of
-- Shanghai Jiao Tong University, whose SCHAC code it carries.
insert into institution (id, schac_code, name_fr, name_en, name_zh, country_code) values
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', 'sjtu.edu.cn',
   'École de médecine de l''Université Jiao Tong de Shanghai', 'Shanghai Jiao Tong University School of Medicine',
   '上海交通大学医学院', 'CN'),
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02', 'u-paris.fr',
   'Université Paris Cité', 'Université Paris Cité', '巴黎西岱大学', 'FR'),
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d03', 'univ-lyon1.fr',
   'Université Claude Bernard Lyon 1', 'Claude Bernard University Lyon 1', '里昂第一大学', 'FR');
