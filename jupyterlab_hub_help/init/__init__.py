"""``jupyter hub-help init``: a starting settings file for an operator.

It reads nothing the validator cannot read and checks nothing the validator
does not check: values files are loaded and merged by ``validate.inputs`` and
``validate.values``, every value is judged by ``validate.load``, and the text
written is read back as ``jupyter hub-help validate`` reads it. One module
per concern:

- ``check``: the validator's verdict on a value, a document or the output;
- ``fields``: the settings a flag or a prompt gives (hub, organisation,
  operator, support desk, status page);
- ``people``: Community Representatives and Hub Administrators, and which of
  them still lack a name or a contact;
- ``carry``: what ``--from`` takes from zero-to-jupyterhub values (the
  homepage ``templateVars`` and the admin usernames), and what it leaves out;
- ``prompts``: questions asked when a person is at the terminal;
- ``output``: the settings overrides file or the values fragment, written;
- ``report``: what the command tells the operator once the file is made
  (what came from the values files, where the file went, what is left);
- ``cli``: the ``jupyter hub-help init`` command.
"""
