-- Demo data built from the founding facts. Known facts: the three institutions of V1 with their SCHAC codes,
-- and Ruijin Hospital (formerly Guangci Hospital) as the SJTUSM hospital with French teaching. Everything else
-- is illustrative and says so: whole institutions (illustrative), details of a real institution
-- (illustrative_details), units (institution_unit.illustrative).

-- Université Paris Cité is a merged, renamed university: the codes of the universities it merged are kept as
-- previous codes (illustrative), like its Erasmus code.
insert into institution_previous_code (institution_id, schac_code) values
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02', 'parisdescartes.fr'),
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02', 'univ-paris-diderot.fr');
update institution set erasmus_code = 'F  PARIS482', erasmus_code_key = 'FPARIS482',
       illustrative_details = '{previousSchacCodes,erasmusCode}'
 where id = '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02';
update institution set erasmus_code = 'F  LYON01', erasmus_code_key = 'FLYON01',
       illustrative_details = '{erasmusCode}'
 where id = '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d03';

-- The other French schools of the Sino-French Joint Medical College (founded in 2018 by SJTUSM and five French
-- medical schools) are not named by the founding facts: three illustrative stand-ins.
insert into institution (id, schac_code, name_fr, name_en, name_zh, country_code, illustrative,
                         erasmus_code, erasmus_code_key, pic) values
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d04', 'jmc-school-3.example',
   'École de médecine partenaire n° 3 du Collège médical franco-chinois (illustrative)',
   'Partner medical school no. 3 of the Sino-French Joint Medical College (illustrative)',
   '中法联合医学院合作医学院校 3(示例)', 'FR', true, 'F  EXAMPLE03', 'FEXAMPLE03', '999999903'),
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d05', 'jmc-school-4.example',
   'École de médecine partenaire n° 4 du Collège médical franco-chinois (illustrative)',
   'Partner medical school no. 4 of the Sino-French Joint Medical College (illustrative)',
   '中法联合医学院合作医学院校 4(示例)', 'FR', true, 'F  EXAMPLE04', 'FEXAMPLE04', '999999904'),
  ('0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d06', 'jmc-school-5.example',
   'École de médecine partenaire n° 5 du Collège médical franco-chinois (illustrative)',
   'Partner medical school no. 5 of the Sino-French Joint Medical College (illustrative)',
   '中法联合医学院合作医学院校 5(示例)', 'FR', true, 'F  EXAMPLE05', 'FEXAMPLE05', '999999905');

-- SJTUSM: Ruijin Hospital (a fact) and a faculty; the departments are illustrative.
insert into institution_unit (id, institution_id, parent_id, kind, name_fr, name_en, name_zh, illustrative, position) values
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e001', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', null, 'HOSPITAL',
   'Hôpital Ruijin (anciennement hôpital Guangci)', 'Ruijin Hospital (formerly Guangci Hospital)', '瑞金医院', false, 0),
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e002', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', '5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e001',
   'DEPARTMENT', 'Service d''endocrinologie et des maladies métaboliques', 'Department of Endocrinology and Metabolism',
   '内分泌代谢科', true, 1),
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e003', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', '5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e001',
   'DEPARTMENT', 'Service d''hématologie', 'Department of Hematology', '血液科', true, 2),
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e004', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', '5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e001',
   'DEPARTMENT', 'Service de chirurgie hépato-biliaire et pancréatique', 'Department of Hepatobiliary and Pancreatic Surgery',
   '肝胆胰外科', true, 3),
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e005', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', '5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e001',
   'DEPARTMENT', 'Service de cardiologie', 'Department of Cardiology', '心脏内科', true, 4),
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e006', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', null, 'FACULTY',
   'Faculté des sciences médicales fondamentales', 'Faculty of Basic Medical Sciences', '基础医学院', true, 5),
  ('5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e007', '0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01', '5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e006',
   'DEPARTMENT', 'Département d''anatomie et d''histologie', 'Department of Anatomy and Histology', '解剖学与组织胚胎学系', true, 6);
