import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createAsnAction } from "@/features/roster/actions";
import { AsnForm } from "@/features/roster/asn-form";
import { orNotFound } from "@/server/errors";
import { getRosterOptions } from "@/server/roster";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Tambah ASN" };

export default async function NewAsnPage() {
  const actor = await requireActor();
  const options = await orNotFound(getRosterOptions(actor));
  return (
    <>
      <PageHeader
        title="Tambah ASN"
        description="Akun baru masuk dengan NIP/NI PPPK dan kata sandi sementara."
      />
      <Card>
        <AsnForm
          mode="create"
          action={createAsnAction}
          options={options}
          initial={{
            nip: "",
            name: "",
            opdId: "",
            position: "",
            phone: "",
            quota: "",
            workKecamatanCode: "",
            homeKecamatanCode: "",
          }}
        />
      </Card>
    </>
  );
}
