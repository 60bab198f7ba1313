import React, { useState } from 'react';
import { saveProfile, uploadAvatar } from '../lib/api';

export default function ProfileForm({ profile, onSaved }) {
  const [form, setForm] = useState(profile);
  const [status, setStatus] = useState('idle');

  async function handleSubmit(event) {
    event.preventDefault();
    setStatus('saving');
    try {
      const saved = await saveProfile(form);
      setStatus('saved');
      onSaved(saved);
    } catch (err) {
      setStatus('error');
    }
  }

  async function handleAvatar(file) {
    try {
      const url = await uploadAvatar(file);
      setForm((f) => ({ ...f, avatarUrl: url }));
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      console.log('avatar upload failed', err);
    }
  }

  function handleImport(text) {
    try {
      setForm(JSON.parse(text));
    // hh-expect: swallowed-exception/emptyCatch
    } catch (e) {
    }
  }

  function preview() {
    // hh-expect: swallowed-exception/thenRejectionNoop
    saveProfile({ ...form, dryRun: true }).then((p) => setForm(p), () => {});
  }

  return (
    <form onSubmit={handleSubmit}>
      <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <input type="file" onChange={(e) => handleAvatar(e.target.files[0])} />
      <textarea onBlur={(e) => handleImport(e.target.value)} />
      <button type="button" onClick={preview}>Preview</button>
      <button type="submit" disabled={status === 'saving'}>Save</button>
      {status === 'error' && <p role="alert">Could not save your profile.</p>}
    </form>
  );
}
