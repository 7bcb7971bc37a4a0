-- The four shipped templates (DESIGN.md "Lifecycle templates"); the circle is active at first.
insert into lifecycle_model (template_key, name, description, loops, active) values
 ('circle', 'Circle', 'Awareness, Prospect, Lead, Customer, Evangelist, and back to Awareness for the next product.', true, true),
 ('marketing-sales', 'Marketing–sales process', 'Marketing creates awareness, prospects and leads; sales pursues and closes; customers become evangelists.', false, false),
 ('social-funnel', 'Social funnel', 'Awareness, Consideration, Conversion, Loyalty, Advocacy, where advocates bring new awareness.', true, false),
 ('hierarchy-of-effects', 'Hierarchy of effects', 'Unaware to Repurchase: where a prospective customer is in the purchase decision.', false, false);

insert into lifecycle_stage (model_id, name, position, owner, counts_as)
select m.id, s.name, s.position, s.owner, s.counts_as
from lifecycle_model m
join (values
 ('circle', 'Awareness', 1, 'MARKETING', 'AWARENESS'),
 ('circle', 'Prospect', 2, 'MARKETING', 'CONSIDERATION'),
 ('circle', 'Lead', 3, 'SALES', 'CONSIDERATION'),
 ('circle', 'Customer', 4, 'BOTH', 'SALE'),
 ('circle', 'Evangelist', 5, 'MARKETING', 'ADVOCACY'),
 ('marketing-sales', 'Create Awareness', 1, 'MARKETING', 'AWARENESS'),
 ('marketing-sales', 'Identify Prospects', 2, 'MARKETING', 'AWARENESS'),
 ('marketing-sales', 'Generate Leads', 3, 'MARKETING', 'CONSIDERATION'),
 ('marketing-sales', 'Opportunity Pursuit', 4, 'SALES', 'CONSIDERATION'),
 ('marketing-sales', 'The Close', 5, 'SALES', 'SALE'),
 ('marketing-sales', 'Customer', 6, 'BOTH', 'LOYALTY'),
 ('marketing-sales', 'Evangelist', 7, 'MARKETING', 'ADVOCACY'),
 ('social-funnel', 'Awareness', 1, 'MARKETING', 'AWARENESS'),
 ('social-funnel', 'Consideration', 2, 'MARKETING', 'CONSIDERATION'),
 ('social-funnel', 'Conversion', 3, 'SALES', 'SALE'),
 ('social-funnel', 'Loyalty', 4, 'BOTH', 'LOYALTY'),
 ('social-funnel', 'Advocacy', 5, 'MARKETING', 'ADVOCACY'),
 ('hierarchy-of-effects', 'Unaware', 1, 'MARKETING', 'AWARENESS'),
 ('hierarchy-of-effects', 'Aware', 2, 'MARKETING', 'AWARENESS'),
 ('hierarchy-of-effects', 'Knowledge', 3, 'MARKETING', 'CONSIDERATION'),
 ('hierarchy-of-effects', 'Liking', 4, 'MARKETING', 'CONSIDERATION'),
 ('hierarchy-of-effects', 'Preference', 5, 'BOTH', 'CONSIDERATION'),
 ('hierarchy-of-effects', 'Conviction', 6, 'SALES', 'CONSIDERATION'),
 ('hierarchy-of-effects', 'Purchase', 7, 'SALES', 'SALE'),
 ('hierarchy-of-effects', 'Repurchase', 8, 'BOTH', 'LOYALTY')
) as s (template_key, name, position, owner, counts_as) on s.template_key = m.template_key;

insert into product_line (name, created_at) values ('Core product', current_timestamp);
